namespace Monitoring.Contracts.Network;

/// <summary>A facility of the five-tier network (provincial hospital down to village clinic).</summary>
public interface IFacilityGrain : IGrainWithStringKey
{
    /// <summary>
    /// Defines the facility or renames it. The parent must exist and be exactly one tier up (the province has none);
    /// a defined facility keeps its parent and tier (moving a subtree is not supported).
    /// </summary>
    Task<FacilityInfo> DefineAsync(FacilityDefinition definition);

    /// <summary>The facility, or null when it has not been defined.</summary>
    Task<FacilityInfo?> GetAsync();

    Task AddChildAsync(string facilityId);

    Task AddCentreAsync(string centreId);

    /// <summary>Patients registered (admitted) at this facility.</summary>
    Task AddPatientAsync(string patientId);

    Task RemovePatientAsync(string patientId);

    Task<IReadOnlyList<string>> GetPatientsAsync();
}
