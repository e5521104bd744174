using System.Security.Claims;
using Monitoring.Contracts.Patients;
using Monitoring.Grains.Alarms;
using Monitoring.Grains.Patients;
using Monitoring.Grains.Waveforms;
using Monitoring.Server.Security;

namespace Monitoring.Server.Api;

/// <summary>
/// A patient's status, alarm settings, alarm history and stored waveform: for operators and for the centre that
/// watches the patient (alarm review, consults).
/// </summary>
public static class PatientDataApi
{
    /// <summary>Longest waveform range one request may read.</summary>
    public static readonly TimeSpan MaxWaveformRange = TimeSpan.FromMinutes(10);

    public static void MapPatientDataApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/patients/{patientId}")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(AuthSchemes.Operator, AuthSchemes.Centre).RequireAuthenticatedUser());

        api.MapGet("", async (string patientId, ClaimsPrincipal user, IGrainFactory grains) =>
            await AllowedAsync(patientId, user, grains) is { } status ? Results.Ok(status) : Results.Forbid());

        api.MapPut("/alarm-settings", async (string patientId, PatientAlarmSettings settings, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            if (await AllowedAsync(patientId, user, grains) is null) return Results.Forbid();
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

        api.MapGet("/alarms", async (string patientId, long from, long to, ClaimsPrincipal user, IGrainFactory grains, IAlarmJournal journal) =>
            await AllowedAsync(patientId, user, grains) is null ? Results.Forbid() : Results.Ok(await journal.ReadAsync(patientId, from, to)));

        api.MapGet("/waveform", async (string patientId, long from, long to, ClaimsPrincipal user, IGrainFactory grains, IFullDisclosureStore store) =>
        {
            if (await AllowedAsync(patientId, user, grains) is null) return Results.Forbid();
            if (to <= from || to - from > MaxWaveformRange.TotalMilliseconds)
                return Results.Problem($"Ask for 'from' < 'to', at most {MaxWaveformRange.TotalMinutes} minutes apart (Unix ms).", statusCode: StatusCodes.Status400BadRequest);
            var segments = await store.ReadAsync(patientId, from, to);
            return Results.Ok(new WaveformResponse(patientId, from, to,
                [.. segments.Select(s => new WaveformSegmentResponse(s.DeviceId, s.StartUnixMs, s.SamplingRateHz, s.GainUnitsPerMv, s.Leads, s.Samples))]));
        });
    }

    /// <summary>The patient's status when the caller may see the patient (an operator, or the centre watching), else null.</summary>
    private static async Task<PatientStatus?> AllowedAsync(string patientId, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!Ids.IsValid(patientId)) return null;
        var status = await grains.GetGrain<IPatientGrain>(patientId).GetStatusAsync();
        if (user.IsInRole(AuthSchemes.Operator)) return status;
        return user.IsInRole(AuthSchemes.Centre) && status.Admission?.CentreId == user.FindFirstValue(ClaimTypes.NameIdentifier) ? status : null;
    }
}
