using Monitoring.Contracts.Centres;
using Monitoring.Contracts.Network;
using Monitoring.Contracts.Patients;

namespace Monitoring.Server.Security;

/// <summary>
/// Who may see what, decided on the server for every HTTP call and hub call: a clinician sees the patients and
/// facilities of the subtree below the facility that runs their centre. Alarms and consults escalated to a centre
/// come from that subtree too (escalation goes up the patient's own chain), so the subtree rule covers them.
/// </summary>
public sealed class Jurisdiction(IGrainFactory grains)
{
    /// <summary>The patient's status when <paramref name="user"/> may see the patient, else null.</summary>
    public async Task<PatientStatus?> VisiblePatientAsync(SignedInUser? user, string patientId)
    {
        if (user is not { IsClinician: true } || !Api.Ids.IsValid(patientId)) return null;
        string? facility = await CentreFacilityAsync(user.CentreId!);
        if (facility is null) return null;
        PatientStatus status = await grains.GetGrain<IPatientGrain>(patientId).GetStatusAsync();
        return status.Admitted && status.FacilityPath.Contains(facility) ? status : null;
    }

    /// <summary>The facility when <paramref name="user"/>'s centre is at or above it, else null.</summary>
    public async Task<FacilityInfo?> VisibleFacilityAsync(SignedInUser? user, string facilityId)
    {
        if (user is not { IsClinician: true } || !Api.Ids.IsValid(facilityId)) return null;
        string? facility = await CentreFacilityAsync(user.CentreId!);
        FacilityInfo? info = await grains.GetGrain<IFacilityGrain>(facilityId).GetAsync();
        return facility is not null && info is not null && info.Path.Contains(facility) ? info : null;
    }

    private async Task<string?> CentreFacilityAsync(string centreId) =>
        (await grains.GetGrain<ICentreGrain>(centreId).GetAsync())?.FacilityId;
}
