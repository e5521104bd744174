using Microsoft.AspNetCore.SignalR;
using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Live;
using Monitoring.Grains.Live;
using Monitoring.Server.Hubs;

namespace Monitoring.Server.Live;

/// <summary>Pushes from grains to the consoles connected to this host, through the monitoring hub's groups.</summary>
public sealed class SignalRMonitoringPublisher(IHubContext<MonitoringHub> hub) : IMonitoringPublisher
{
    public Task PublishAlarmAsync(Alarm alarm) =>
        alarm.CentreId is null ? Task.CompletedTask : hub.Clients.Group(MonitoringGroups.Centre(alarm.CentreId)).SendAsync(MonitoringHubMethods.Alarm, alarm);

    public Task PublishWaveformAsync(WaveformFrame frame) =>
        hub.Clients.Group(MonitoringGroups.Patient(frame.PatientId)).SendAsync(MonitoringHubMethods.Waveform, frame);

    public Task PublishVitalsAsync(string? centreId, VitalsUpdate vitals) =>
        centreId is null ? Task.CompletedTask : hub.Clients.Group(MonitoringGroups.Centre(centreId)).SendAsync(MonitoringHubMethods.Vitals, vitals);
}
