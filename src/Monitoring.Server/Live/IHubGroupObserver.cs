using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Monitoring.Server.Live;

/// <summary>One host's SignalR groups, reachable from any silo of the cluster (a grain observer each host registers).</summary>
public interface IHubGroupObserver : IGrainObserver
{
    /// <summary>
    /// Sends each message, in order, to the connections of its group on this host. One-way: a host that died must
    /// not hold up the sender.
    /// </summary>
    [OneWay]
    Task SendToGroupsAsync(ImmutableArray<HubGroupMessage> messages);
}
