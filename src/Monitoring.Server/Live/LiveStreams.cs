namespace Monitoring.Server.Live;

/// <summary>Names of the Orleans streams of the <see cref="LiveTransports.OrleansStreams"/> transport.</summary>
public static class LiveStreams
{
    public const string Provider = "Live";

    /// <summary>One stream per monitoring-hub group, keyed by the group's name.</summary>
    public static StreamId Of(string group) => StreamId.Create("monitoring-group", group);
}
