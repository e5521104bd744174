using MessagePack;
namespace Monitoring.Contracts.Patients;

/// <summary>
/// Registration of a patient at a facility of the network. The responsible centre is the nearest one above the
/// facility (its own, else its township's, county's...), unless the admission names one on that chain.
/// </summary>
[MessagePackObject, GenerateSerializer, Immutable]
public sealed record PatientAdmission
{
    [Key("displayName"), Id(0)] public string DisplayName { get; init; } = "";
    [Key("facilityId"), Id(1)] public string FacilityId { get; init; } = "";
    /// <summary>The responsible centre; empty at admission to take the nearest one.</summary>
    [Key("centreId"), Id(2)] public string CentreId { get; init; } = "";
}
