using Monitoring.Contracts.Patients;
using Monitoring.Contracts.Users;
using Monitoring.Server.Api;

namespace Monitoring.Server.Security;

/// <summary>
/// Decides and audits an HTTP caller's access to one patient: the operator key (data export and support) sees
/// every patient; a clinician those of their jurisdiction, with the role the action needs. Devices and network
/// operators' JWTs see no patient data. Every decision, granted or refused, is written to the audit log.
/// </summary>
public sealed class PatientAccess(Jurisdiction jurisdiction, AuditTrail audit, IGrainFactory grains)
{
    /// <param name="privileged">The action needs a physician or centre administrator (alarm limits).</param>
    /// <param name="administrator">The action needs a centre administrator (audit log).</param>
    public async Task<PatientStatus?> AllowedAsync(HttpContext http, string patientId, string action, string? target = null, bool privileged = false, bool administrator = false)
    {
        if (!Ids.IsValid(patientId)) return null;
        SignedInUser? user = UserClaims.From(http.User);
        PatientStatus? status;
        string outcome = "ok";
        if (user is null && http.User.IsInRole(AuthSchemes.Operator))
        {
            status = await grains.GetGrain<IPatientGrain>(patientId).GetStatusAsync();
        }
        else
        {
            status = await jurisdiction.VisiblePatientAsync(user, patientId);
            if (status is null) outcome = "refused: outside the jurisdiction";
            else if (privileged && !user!.IsPrivileged) (status, outcome) = (null, "refused: needs a physician or centre administrator");
            else if (administrator && user!.Role != ClinicalRole.CentreAdministrator) (status, outcome) = (null, "refused: needs a centre administrator");
        }
        await audit.RecordAsync(http, user, action, patientId, target, outcome);
        return status;
    }
}
