using Orleans.Concurrency;

namespace Monitoring.Server.Live;

/// <summary>One host's SignalR groups, reachable from any silo of the cluster (a grain observer each host registers).</summary>
public interface IHubGroupObserver : IGrainObserver
{
    /// <summary>
    /// Sends <paramref name="method"/> with <paramref name="payload"/> to the connections of <paramref name="group"/> on
    /// this host. One-way: a host that died must not hold up the grain that pushes.
    /// </summary>
    [OneWay]
    Task SendToGroupAsync(string group, string method, object? payload);
}
