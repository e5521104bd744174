using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Consults;
using Monitoring.Contracts.Live;

namespace Monitoring.Grains.Live;

/// <summary>
/// Pushes to the consoles of monitoring centres (the host supplies it: SignalR). Best effort by nature: consoles
/// that miss a push get the active alarms and consult queue again when they (re)connect, and the web console
/// compares its alarms with the centre's active alarms every 10 s.
/// </summary>
public interface IMonitoringPublisher
{
    /// <summary>An alarm was raised or changed: pushed to every listed centre (all that see the patient).</summary>
    Task PublishAlarmAsync(Alarm alarm, IReadOnlyList<string> centreIds);

    /// <summary>
    /// A consult was requested or changed: pushed to its target centre, the requesting centre and the centres it
    /// was queued at before (so that they see it leave their queue).
    /// </summary>
    Task PublishConsultAsync(ConsultView consult, IReadOnlyList<string> centreIds);

    Task PublishWaveformAsync(WaveformFrame frame);

    Task PublishVitalsAsync(string? centreId, VitalsUpdate vitals);
}
