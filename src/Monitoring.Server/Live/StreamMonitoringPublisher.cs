using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Consults;
using Monitoring.Contracts.Live;
using Monitoring.Grains.Live;
using Monitoring.Server.Hubs;
using Orleans.Streams;

namespace Monitoring.Server.Live;

/// <summary>
/// Pushes by Orleans streams: each push goes on the stream of its monitoring-hub group, whoever listens. Hosts whose
/// consoles are in the group receive it through <see cref="StreamLiveGroups"/>.
/// </summary>
public sealed class StreamMonitoringPublisher(IClusterClient client) : IMonitoringPublisher
{
    private readonly IStreamProvider _streams = client.GetStreamProvider(LiveStreams.Provider);

    public async Task PublishAlarmAsync(Alarm alarm, IReadOnlyList<string> centreIds)
    {
        foreach (string centreId in centreIds) await PublishAsync(MonitoringGroups.Centre(centreId), MonitoringHubMethods.Alarm, alarm);
    }

    public async Task PublishConsultAsync(ConsultView consult, IReadOnlyList<string> centreIds)
    {
        foreach (string centreId in centreIds) await PublishAsync(MonitoringGroups.Centre(centreId), MonitoringHubMethods.Consult, consult);
    }

    public Task PublishWaveformAsync(WaveformFrame frame) =>
        PublishAsync(MonitoringGroups.Patient(frame.PatientId), MonitoringHubMethods.Waveform, frame);

    public Task PublishVitalsAsync(string? centreId, VitalsUpdate vitals) =>
        centreId is null ? Task.CompletedTask : PublishAsync(MonitoringGroups.Centre(centreId), MonitoringHubMethods.Vitals, vitals);

    private Task PublishAsync(string group, string method, object payload) =>
        _streams.GetStream<HubGroupMessage>(LiveStreams.Of(group)).OnNextAsync(new HubGroupMessage(group, method, payload));
}
