using Microsoft.AspNetCore.SignalR;
using Monitoring.Server.Hubs;
using Orleans.Streams;

namespace Monitoring.Server.Live;

/// <summary>
/// Groups for the Orleans-streams transport: while at least one connection of this host is in a group, the host
/// listens to the group's stream and hands each push to its connections (<see cref="HubGroupObserver"/>); when the
/// last one leaves, it stops listening. A push made before the host listens is not delivered: a console is sent the
/// active alarms after it joins its centre's group, as with the hub notifier.
/// </summary>
public sealed class StreamLiveGroups(IHubContext<MonitoringHub> hub, HubGroupObserver local, IClusterClient client) : ILiveGroups
{
    private readonly IStreamProvider _streams = client.GetStreamProvider(LiveStreams.Provider);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, Listening> _listening = [];
    private readonly Dictionary<string, HashSet<string>> _groupsOfConnection = [];

    /// <summary>Whether this host listens to the group's stream (some connection of it is in the group).</summary>
    public bool IsListening(string group)
    {
        lock (_listening) return _listening.ContainsKey(group);
    }

    public async Task JoinAsync(string connectionId, string group)
    {
        await hub.Groups.AddToGroupAsync(connectionId, group);
        await OneAtATimeAsync(async () =>
        {
            if (!_groupsOfConnection.TryGetValue(connectionId, out HashSet<string>? groups)) _groupsOfConnection[connectionId] = groups = [];
            if (!groups.Add(group)) return;
            if (!_listening.TryGetValue(group, out Listening? listening))
            {
                var handle = await Stream(group).SubscribeAsync((message, _) => local.SendAsync(message));
                listening = new Listening(handle);
                lock (_listening) _listening[group] = listening;
            }
            listening.Members++;
        });
    }

    public async Task LeaveAsync(string connectionId, string group)
    {
        await hub.Groups.RemoveFromGroupAsync(connectionId, group);
        await OneAtATimeAsync(async () =>
        {
            if (_groupsOfConnection.TryGetValue(connectionId, out HashSet<string>? groups) && groups.Remove(group)) await ReleaseAsync(group);
        });
    }

    public Task ConnectionClosedAsync(string connectionId) => OneAtATimeAsync(async () =>
    {
        if (!_groupsOfConnection.Remove(connectionId, out HashSet<string>? groups)) return;
        foreach (string group in groups) await ReleaseAsync(group);
    });

    /// <summary>Membership changes one at a time: a subscription is made or ended once per group, in order.</summary>
    private async Task OneAtATimeAsync(Func<Task> change)
    {
        await _gate.WaitAsync();
        try
        {
            await change();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ReleaseAsync(string group)
    {
        Listening listening = _listening[group];
        if (--listening.Members > 0) return;
        lock (_listening) _listening.Remove(group);
        await listening.Handle.UnsubscribeAsync();
    }

    private IAsyncStream<HubGroupMessage> Stream(string group) => _streams.GetStream<HubGroupMessage>(LiveStreams.Of(group));

    private sealed class Listening(StreamSubscriptionHandle<HubGroupMessage> handle)
    {
        public StreamSubscriptionHandle<HubGroupMessage> Handle { get; } = handle;
        public int Members { get; set; }
    }
}
