using Monitoring.Contracts.Patients;
using Monitoring.Grains.Alarms;
using Monitoring.Grains.Audit;
using Monitoring.Grains.Patients;
using Monitoring.Grains.Waveforms;
using Monitoring.Server.Security;

namespace Monitoring.Server.Api;

/// <summary>
/// A patient's status, alarm settings, alarm history, stored waveform and audit log: for clinicians whose centre
/// sees the patient (alarm review, consults) and for operators with the operator key (data export). Every call is
/// audited; alarm limits are changed by physicians and centre administrators only; the audit log is read by
/// centre administrators and operators.
/// </summary>
public static class PatientDataApi
{
    /// <summary>Longest waveform range one request may read.</summary>
    public static readonly TimeSpan MaxWaveformRange = TimeSpan.FromMinutes(10);

    public static void MapPatientDataApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/patients/{patientId}")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(AuthSchemes.Operator, AuthSchemes.User).RequireAuthenticatedUser());

        api.MapGet("", async (string patientId, HttpContext http, PatientAccess access) =>
            await access.AllowedAsync(http, patientId, AuditActions.ViewPatient) is { } status ? Results.Ok(status) : Forbidden());

        api.MapPut("/alarm-settings", async (string patientId, PatientAlarmSettings settings, HttpContext http, PatientAccess access, IGrainFactory grains) =>
        {
            if (await access.AllowedAsync(http, patientId, AuditActions.ChangeAlarmLimits, privileged: true) is null) return Forbidden();
            try
            {
                PatientSettingsRules.Validate(settings);
            }
            catch (ArgumentException e)
            {
                return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
            }
            await grains.GetGrain<IPatientGrain>(patientId).UpdateAlarmSettingsAsync(settings);
            return Results.NoContent();
        });

        api.MapGet("/alarms", async (string patientId, long from, long to, HttpContext http, PatientAccess access, IAlarmJournal journal) =>
            await access.AllowedAsync(http, patientId, AuditActions.ViewAlarmHistory, target: $"{from}-{to}") is null
                ? Forbidden()
                : Results.Ok(await journal.ReadAsync(patientId, from, to)));

        api.MapGet("/audit", async (string patientId, long from, long to, HttpContext http, PatientAccess access, IAuditLog audit) =>
            await access.AllowedAsync(http, patientId, AuditActions.ViewAuditLog, target: $"{from}-{to}", administrator: true) is null
                ? Forbidden()
                : Results.Ok(await audit.ReadPatientAsync(patientId, from, to)));

        api.MapGet("/waveform", async (string patientId, long from, long to, HttpContext http, PatientAccess access, IFullDisclosureStore store) =>
        {
            if (await access.AllowedAsync(http, patientId, AuditActions.ExportWaveform, target: $"{from}-{to}") is null) return Forbidden();
            if (to <= from || to - from > MaxWaveformRange.TotalMilliseconds)
                return Results.Problem($"Ask for 'from' < 'to', at most {MaxWaveformRange.TotalMinutes} minutes apart (Unix ms).", statusCode: StatusCodes.Status400BadRequest);
            var segments = await store.ReadAsync(patientId, from, to);
            return Results.Ok(new WaveformResponse(patientId, from, to,
                [.. segments.Select(s => new WaveformSegmentResponse(s.DeviceId, s.StartUnixMs, s.SamplingRateHz, s.GainUnitsPerMv, s.Leads, s.Samples, s.PacePulses))]));
        });
    }

    /// <summary>403 with a reason (the caller is authenticated: outside the jurisdiction, or without the role the action needs).</summary>
    private static IResult Forbidden() =>
        Results.Problem("This patient is outside your jurisdiction, or the action needs another role.", statusCode: StatusCodes.Status403Forbidden);
}
