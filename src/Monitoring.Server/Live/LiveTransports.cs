namespace Monitoring.Server.Live;

/// <summary>
/// How pushes (alarms, waveforms, vitals, consults) travel from the grains to the consoles' hosts
/// (setting <c>Monitoring:Live:Transport</c>). Both deliver to every host of a cluster; the load tests compare them.
/// </summary>
public static class LiveTransports
{
    /// <summary>
    /// The GPSTracker pattern: each host hands pushes to its own SignalR connections and forwards them to the other
    /// hosts through a grain observer each host registers (<see cref="ClusterHubGroups"/>). The default.
    /// </summary>
    public const string HubNotifier = "HubNotifier";

    /// <summary>
    /// Orleans streams (memory streams): grains publish each push on the stream of its group; a host subscribes to the
    /// streams of the groups its connections are in (<see cref="StreamLiveGroups"/>).
    /// </summary>
    public const string OrleansStreams = "OrleansStreams";
}
