using Monitoring.Server.Live;

namespace Monitoring.Server.Tests;

/// <summary>The real server with pushes carried by Orleans streams instead of the hub notifier.</summary>
public sealed class OrleansStreamsServerFixture : ServerFixture
{
    protected override void Configure(IDictionary<string, string?> settings, WebApplicationBuilder builder) =>
        settings["Monitoring:Live:Transport"] = LiveTransports.OrleansStreams;
}
