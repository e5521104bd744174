using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Live;
using Monitoring.Grains.Live;
using Monitoring.Server.Hubs;

namespace Monitoring.Server.Live;

/// <summary>Pushes from grains to the consoles of the monitoring hub's groups, on whichever host of the cluster they are connected.</summary>
public sealed class SignalRMonitoringPublisher(ClusterHubGroups groups) : IMonitoringPublisher
{
    public Task PublishAlarmAsync(Alarm alarm) =>
        alarm.CentreId is null ? Task.CompletedTask : groups.SendAsync(MonitoringGroups.Centre(alarm.CentreId), MonitoringHubMethods.Alarm, alarm);

    public Task PublishWaveformAsync(WaveformFrame frame) =>
        groups.SendAsync(MonitoringGroups.Patient(frame.PatientId), MonitoringHubMethods.Waveform, frame);

    public Task PublishVitalsAsync(string? centreId, VitalsUpdate vitals) =>
        centreId is null ? Task.CompletedTask : groups.SendAsync(MonitoringGroups.Centre(centreId), MonitoringHubMethods.Vitals, vitals);
}
