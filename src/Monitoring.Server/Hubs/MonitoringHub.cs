using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Centres;
using Monitoring.Contracts.Live;
using Monitoring.Contracts.Patients;
using Monitoring.Server.Security;

namespace Monitoring.Server.Hubs;

/// <summary>
/// Consoles of monitoring centres (JSON or MessagePack). A console joins its centre's group and receives its
/// alarms and vitals; it watches single patients for their live waveform. On every (re)connection it is sent the
/// centre's active alarms, so a missed push is never the end of an alarm.
/// </summary>
[Authorize(AuthenticationSchemes = AuthSchemes.Centre)]
public sealed class MonitoringHub(IGrainFactory grains) : Hub
{
    private string CentreId => Context.User!.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, MonitoringGroups.Centre(CentreId));
        foreach (Alarm alarm in await grains.GetGrain<ICentreGrain>(CentreId).GetActiveAlarmsAsync())
            await Clients.Caller.SendAsync(MonitoringHubMethods.Alarm, alarm);
        await base.OnConnectedAsync();
    }

    /// <summary>The centre's active and latched alarms.</summary>
    public Task<IReadOnlyList<Alarm>> GetActiveAlarms() => grains.GetGrain<ICentreGrain>(CentreId).GetActiveAlarmsAsync();

    /// <summary>The patients this centre watches.</summary>
    public Task<IReadOnlyList<string>> GetPatients() => grains.GetGrain<ICentreGrain>(CentreId).GetPatientsAsync();

    /// <summary>Starts the live waveform of a patient of this centre.</summary>
    public async Task WatchPatient(string patientId)
    {
        var status = await grains.GetGrain<IPatientGrain>(patientId).GetStatusAsync();
        if (status.Admission?.CentreId != CentreId)
            throw new HubException($"Patient {patientId} is not watched by centre {CentreId}.");
        await Groups.AddToGroupAsync(Context.ConnectionId, MonitoringGroups.Patient(patientId));
    }

    public Task UnwatchPatient(string patientId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, MonitoringGroups.Patient(patientId));
}
