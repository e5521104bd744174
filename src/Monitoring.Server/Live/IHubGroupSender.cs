namespace Monitoring.Server.Live;

/// <summary>
/// Sends hub method <c>method(payload)</c> to a monitoring-hub group's connections on every host of the cluster, best
/// effort: <see cref="ClusterHubGroups"/> (the hub notifier) or <see cref="StreamHubGroups"/> (Orleans streams).
/// </summary>
public interface IHubGroupSender
{
    Task SendAsync(string group, string method, object? payload);
}
