using Orleans.Streams;

namespace Monitoring.Server.Live;

/// <summary>
/// Sends by Orleans streams: each push goes on the stream of its monitoring-hub group, whoever listens. Hosts whose
/// consoles are in the group receive it through <see cref="StreamLiveGroups"/>.
/// </summary>
public sealed class StreamHubGroups(IClusterClient client) : IHubGroupSender
{
    private readonly IStreamProvider _streams = client.GetStreamProvider(LiveStreams.Provider);

    public Task SendAsync(string group, string method, object? payload) =>
        _streams.GetStream<HubGroupMessage>(LiveStreams.Of(group)).OnNextAsync(new HubGroupMessage(group, method, payload));
}
