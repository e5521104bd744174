using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Centres;
using Monitoring.Contracts.Consults;
using Monitoring.Contracts.Devices;
using Monitoring.Contracts.Live;
using Monitoring.Contracts.Network;
using Monitoring.Contracts.Patients;
using Monitoring.Grains.Audit;
using Monitoring.Server.Live;
using Monitoring.Server.Network;
using Monitoring.Server.Security;

namespace Monitoring.Server.Hubs;

/// <summary>
/// Consoles of monitoring centres (JSON or MessagePack), used by signed-in clinicians. A console joins its centre's
/// group: alarms of the patients the centre sees, and vitals of those it is responsible for. It watches single
/// patients for their live waveform. On every (re)connection it is sent the centre's active alarms, so a missed push
/// is never the end of an alarm. Every call is checked against the user's jurisdiction and audited when it touches a patient.
/// </summary>
[Authorize(AuthenticationSchemes = AuthSchemes.User)]
public sealed partial class MonitoringHub(IGrainFactory grains, ILiveGroups liveGroups, Jurisdiction jurisdiction, AuditTrail audit, NetworkQuality networkQuality) : Hub
{
    private SignedInUser User => UserClaims.From(Context.User!) is { IsClinician: true } user
        ? user
        : throw new HubException("Only clinicians of a monitoring centre use the monitoring hub.");

    private ICentreGrain Centre => grains.GetGrain<ICentreGrain>(User.CentreId!);

    public override async Task OnConnectedAsync()
    {
        await liveGroups.JoinAsync(Context.ConnectionId, MonitoringGroups.Centre(User.CentreId!));
        foreach (Alarm alarm in await Centre.GetActiveAlarmsAsync())
            await Clients.Caller.SendAsync(MonitoringHubMethods.Alarm, alarm);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await liveGroups.ConnectionClosedAsync(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>The user's centre, with the facility that runs it: where the console's navigation starts.</summary>
    public async Task<CentreInfo> GetCentre() =>
        await Centre.GetAsync() ?? throw new HubException($"Centre {User.CentreId} is not defined.");

    /// <summary>The centre's active and latched alarms, with those escalated to it.</summary>
    public Task<IReadOnlyList<Alarm>> GetActiveAlarms() => Centre.GetActiveAlarmsAsync();

    /// <summary>The patients this centre is responsible for.</summary>
    public Task<IReadOnlyList<string>> GetPatients() => Centre.GetPatientsAsync();

    /// <summary>A facility at or below the user's centre: for navigation by tier.</summary>
    public async Task<FacilityInfo> GetFacility(string facilityId) =>
        await jurisdiction.VisibleFacilityAsync(User, facilityId) ?? throw Refused($"Facility {facilityId} is outside your centre's jurisdiction.");

    /// <summary>Patients registered at a facility of the user's jurisdiction.</summary>
    public async Task<IReadOnlyList<string>> GetFacilityPatients(string facilityId)
    {
        _ = await GetFacility(facilityId);
        return await grains.GetGrain<IFacilityGrain>(facilityId).GetPatientsAsync();
    }

    public async Task<PatientStatus> GetPatient(string patientId)
    {
        PatientStatus status = await VisibleAsync(patientId, AuditActions.ViewPatient);
        await audit.RecordAsync(Context.GetHttpContext(), User, AuditActions.ViewPatient, patientId);
        return status;
    }

    /// <summary>Link quality of the devices below a facility of the user's jurisdiction (network-quality panel).</summary>
    public async Task<NetworkQualityReport> GetNetworkQuality(string facilityId)
    {
        _ = await GetFacility(facilityId);
        return await networkQuality.ReportAsync(facilityId) ?? throw Refused($"Facility {facilityId} is not defined.");
    }

    /// <summary>Starts the live waveform of a patient of the user's jurisdiction.</summary>
    public async Task WatchPatient(string patientId)
    {
        await VisibleAsync(patientId, AuditActions.ViewLiveWaveform);
        await liveGroups.JoinAsync(Context.ConnectionId, MonitoringGroups.Patient(patientId));
        await audit.RecordAsync(Context.GetHttpContext(), User, AuditActions.ViewLiveWaveform, patientId);
    }

    public Task UnwatchPatient(string patientId) => liveGroups.LeaveAsync(Context.ConnectionId, MonitoringGroups.Patient(patientId));

    /// <summary>
    /// Acknowledges an alarm (resets it when latched). Remote acknowledgement of a high-priority alarm is a
    /// privileged action: physicians and centre administrators only.
    /// </summary>
    public async Task<Alarm?> AcknowledgeAlarm(string alarmId)
    {
        string patientId = PatientOf(alarmId);
        PatientStatus status = await VisibleAsync(patientId, AuditActions.AcknowledgeAlarm, alarmId);
        Alarm? alarm = status.ActiveAlarms.FirstOrDefault(a => a.AlarmId == alarmId);
        if (alarm is { Priority: AlarmPriority.High } && !User.IsPrivileged)
            throw await RefusedAsync(AuditActions.AcknowledgeAlarm, patientId, alarmId, "Remote reset of a high-priority alarm needs a physician or centre administrator.");
        Alarm? changed = await grains.GetGrain<IPatientGrain>(patientId).AcknowledgeAlarmAsync(alarmId, User.UserId);
        await audit.RecordAsync(Context.GetHttpContext(), User, AuditActions.AcknowledgeAlarm, patientId, alarmId);
        return changed;
    }

    /// <summary>Pauses the patient's alarm audio (default 2 min); silencing a high-priority alarm remotely is privileged.</summary>
    public async Task<IReadOnlyList<Alarm>> PauseAlarmAudio(string patientId)
    {
        PatientStatus status = await VisibleAsync(patientId, AuditActions.PauseAlarmAudio);
        if (!User.IsPrivileged && status.ActiveAlarms.Any(a => a.Priority == AlarmPriority.High && a.State == AlarmState.Active))
            throw await RefusedAsync(AuditActions.PauseAlarmAudio, patientId, null, "Remote silence of a high-priority alarm needs a physician or centre administrator.");
        var changed = await grains.GetGrain<IPatientGrain>(patientId).PauseAlarmAudioAsync(User.UserId);
        await audit.RecordAsync(Context.GetHttpContext(), User, AuditActions.PauseAlarmAudio, patientId);
        return changed;
    }

    /// <summary>Reports delivery, viewing, acceptance or refusal of an alarm escalated to the user's centre.</summary>
    public async Task<Alarm?> ReportEscalation(string alarmId, EscalationReport report)
    {
        string patientId = PatientOf(alarmId);
        await VisibleAsync(patientId, AuditActions.RespondToEscalation, alarmId);
        Alarm? changed = await grains.GetGrain<IPatientGrain>(patientId).ReportEscalationAsync(alarmId, User.CentreId!, report, User.UserId);
        if (report != EscalationReport.Delivered)
            await audit.RecordAsync(Context.GetHttpContext(), User, AuditActions.RespondToEscalation, patientId, $"{alarmId} {report}");
        return changed;
    }

    private async Task<PatientStatus> VisibleAsync(string patientId, string action, string? target = null) =>
        await jurisdiction.VisiblePatientAsync(User, patientId)
        ?? throw await RefusedAsync(action, Api.Ids.IsValid(patientId) ? patientId : null, target, $"Patient {patientId} is outside your centre's jurisdiction.");

    /// <summary>Refusals are audited too: an attempt to reach another jurisdiction's patient is worth knowing about.</summary>
    private async Task<HubException> RefusedAsync(string action, string? patientId, string? target, string reason)
    {
        await audit.RecordAsync(Context.GetHttpContext(), User, action, patientId, target, "refused: " + reason);
        return Refused(reason);
    }

    private static HubException Refused(string reason) => new(reason);

    /// <summary>Alarm ids are <c>{patientId}/{number}</c>.</summary>
    private static string PatientOf(string alarmId)
    {
        int slash = alarmId.LastIndexOf('/');
        return slash > 0 ? alarmId[..slash] : throw new HubException($"'{alarmId}' is not an alarm id.");
    }
}
