using Monitoring.Grains.Live;
using Monitoring.Server.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Providers;

namespace Monitoring.Server.Live;

public static class LiveTransportHosting
{
    /// <summary>How long a pulling agent waits before it looks at an empty stream queue again: it adds to push latency.</summary>
    public static readonly TimeSpan StreamPollPeriod = TimeSpan.FromMilliseconds(20);

    /// <summary>The pushes' way from grains to the consoles' hosts, as <c>Monitoring:Live:Transport</c> says.</summary>
    public static IServiceCollection AddLiveTransport(this IServiceCollection services, LiveSettings live)
    {
        services.AddSingleton<HubGroupObserver>();
        // TryAdd: a test host may put a publisher of its own in front (one that loses pushes, say).
        services.TryAddSingleton<IMonitoringPublisher, SignalRMonitoringPublisher>();
        switch (live.Transport)
        {
            case LiveTransports.HubNotifier:
                services.AddClusterHubGroups();
                services.AddSingleton<IHubGroupSender>(sp => sp.GetRequiredService<ClusterHubGroups>());
                services.AddSingleton<ILiveGroups, HubLiveGroups>();
                break;
            case LiveTransports.OrleansStreams:
                services.AddSingleton<IHubGroupSender, StreamHubGroups>();
                services.AddSingleton<ILiveGroups, StreamLiveGroups>();
                break;
            default:
                throw new InvalidOperationException($"Monitoring:Live:Transport '{live.Transport}' is not one of {LiveTransports.HubNotifier}, {LiveTransports.OrleansStreams}.");
        }
        return services;
    }

    /// <summary>The silo's side of the Orleans-streams transport: memory streams, their subscriptions kept in table storage.</summary>
    public static void AddLiveStreams(this ISiloBuilder silo, ServerOptions options)
    {
        if (options.Live.Transport != LiveTransports.OrleansStreams) return;
        silo.AddMonitoringTableStorage(ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME, options, "PubSub");
        silo.AddMemoryStreams(LiveStreams.Provider, streams =>
            streams.ConfigurePullingAgent(agent => agent.Configure(o => o.GetQueueMsgsTimerPeriod = StreamPollPeriod)));
    }
}
