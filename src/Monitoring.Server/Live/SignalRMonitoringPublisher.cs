using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Consults;
using Monitoring.Contracts.Live;
using Monitoring.Grains.Live;
using Monitoring.Server.Hubs;

namespace Monitoring.Server.Live;

/// <summary>
/// Pushes from grains to the consoles of the monitoring hub's groups, on whichever host of the cluster they are
/// connected: alarms, consults and vitals to centres' groups, waveforms to the group watching the patient. How the
/// pushes travel between hosts is the <see cref="IHubGroupSender"/>'s business.
/// </summary>
public sealed class SignalRMonitoringPublisher(IHubGroupSender groups) : IMonitoringPublisher
{
    public Task PublishAlarmAsync(Alarm alarm, IReadOnlyList<string> centreIds) => ToCentresAsync(centreIds, MonitoringHubMethods.Alarm, alarm);

    public Task PublishConsultAsync(ConsultView consult, IReadOnlyList<string> centreIds) => ToCentresAsync(centreIds, MonitoringHubMethods.Consult, consult);

    public Task PublishWaveformAsync(WaveformFrame frame) =>
        groups.SendAsync(MonitoringGroups.Patient(frame.PatientId), MonitoringHubMethods.Waveform, frame);

    public Task PublishVitalsAsync(string? centreId, VitalsUpdate vitals) =>
        centreId is null ? Task.CompletedTask : groups.SendAsync(MonitoringGroups.Centre(centreId), MonitoringHubMethods.Vitals, vitals);

    private async Task ToCentresAsync(IReadOnlyList<string> centreIds, string method, object payload)
    {
        foreach (string centreId in centreIds) await groups.SendAsync(MonitoringGroups.Centre(centreId), method, payload);
    }
}
