using System.Collections.Immutable;
using Orleans.Runtime;

namespace Monitoring.Server.Live;

/// <summary>
/// Sends to a monitoring-hub group on every host of the cluster: to this host's connections directly, and to the
/// other hosts through their <see cref="IHubGroupObserver"/>. A console sees the same pushes whichever host it is
/// connected to; no sticky sessions beyond its one SignalR connection. The list of other hosts comes from the
/// <see cref="IHubRegistryGrain"/> and is refreshed every <see cref="RefreshPeriod"/>, which also keeps this host registered.
/// </summary>
public sealed class ClusterHubGroups(
    HubGroupObserver local, IGrainFactory grains, ILocalSiloDetails silo, ILogger<ClusterHubGroups> logger) : BackgroundService
{
    public static readonly TimeSpan RefreshPeriod = TimeSpan.FromSeconds(5);

    private ImmutableArray<IHubGroupObserver> _otherHosts = [];

    /// <summary>Sends <paramref name="method"/>(<paramref name="payload"/>) to the group's connections on all hosts. Best effort.</summary>
    public async Task SendAsync(string group, string method, object? payload)
    {
        // One-way calls: they return once queued, whether the host is alive or not.
        foreach (IHubGroupObserver host in _otherHosts) await host.SendToGroupAsync(group, method, payload);
        await local.SendToGroupAsync(group, method, payload);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Kept for the host's life: the runtime holds observers weakly.
        IHubGroupObserver reference = grains.CreateObjectReference<IHubGroupObserver>(local);
        IHubRegistryGrain registry = grains.GetGrain<IHubRegistryGrain>(0);
        using var timer = new PeriodicTimer(RefreshPeriod);
        do
        {
            try
            {
                _otherHosts = await registry.RegisterAsync(silo.SiloAddress, reference);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The registry may be moving off a silo that died; the known hosts are kept until the next try.
                logger.LogWarning(e, "Could not refresh the list of hosts serving consoles.");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
        grains.DeleteObjectReference<IHubGroupObserver>(reference);
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
