namespace Monitoring.Contracts.Patients;

/// <summary>Admission of a patient to a facility, watched by a monitoring centre.</summary>
[GenerateSerializer, Immutable]
public sealed record PatientAdmission
{
    [Id(0)] public string DisplayName { get; init; } = "";
    [Id(1)] public string FacilityId { get; init; } = "";
    [Id(2)] public string CentreId { get; init; } = "";
}
