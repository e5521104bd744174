using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Live;

namespace Monitoring.Grains.Live;

/// <summary>
/// Pushes to the consoles of monitoring centres (the host supplies it: SignalR). Best effort by nature: consoles
/// that miss a push get the active alarms again when they (re)connect.
/// </summary>
public interface IMonitoringPublisher
{
    Task PublishAlarmAsync(Alarm alarm);

    Task PublishWaveformAsync(WaveformFrame frame);

    Task PublishVitalsAsync(string? centreId, VitalsUpdate vitals);
}
