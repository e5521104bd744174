using System.Collections.Immutable;
using System.Threading.Channels;

namespace Monitoring.Server.Live;

/// <summary>
/// Sends to a monitoring-hub group on every host of the cluster: to this host's connections directly, and to the
/// other hosts through their <see cref="IHubGroupObserver"/>, in batches gathered over <see cref="BatchWindow"/> (one
/// message per host instead of one per push: every batch of every device pushes a waveform frame). A console sees
/// the same pushes, in the same order, whichever host it is connected to; no sticky sessions beyond its one SignalR
/// connection. The list of other hosts comes from the <see cref="IHubRegistryGrain"/> and is refreshed every
/// <see cref="RefreshPeriod"/>, which also keeps this host registered.
/// </summary>
public sealed class ClusterHubGroups(
    HubGroupObserver local, IGrainFactory grains, ILocalSiloDetails silo, ILogger<ClusterHubGroups> logger) : BackgroundService, IHubGroupSender
{
    public static readonly TimeSpan RefreshPeriod = TimeSpan.FromSeconds(5);

    /// <summary>Pushes for the other hosts are gathered this long; it adds to the alarm latency seen on other hosts.</summary>
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(20);

    /// <summary>Pushes waiting for the other hosts, at most; past it the oldest are dropped (consoles catch up on reconnection).</summary>
    private const int MaxQueued = 100_000;

    private const int MaxBatch = 2_000;

    private readonly Channel<HubGroupMessage> _outgoing = Channel.CreateBounded<HubGroupMessage>(
        new BoundedChannelOptions(MaxQueued) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private ImmutableArray<IHubGroupObserver> _otherHosts = [];

    /// <summary>Sends <paramref name="method"/>(<paramref name="payload"/>) to the group's connections on all hosts. Best effort.</summary>
    public Task SendAsync(string group, string method, object? payload)
    {
        var message = new HubGroupMessage(group, method, payload);
        if (!_otherHosts.IsEmpty) _outgoing.Writer.TryWrite(message);
        return local.SendAsync(message);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(KeepRegisteredAsync(stoppingToken), ForwardAsync(stoppingToken));

    private async Task KeepRegisteredAsync(CancellationToken stoppingToken)
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
        while (await TickAsync(timer, stoppingToken));
        grains.DeleteObjectReference<IHubGroupObserver>(reference);
    }

    /// <summary>One reader: batches leave in the order the pushes were made, and each host handles its batches one at a time.</summary>
    private async Task ForwardAsync(CancellationToken stoppingToken)
    {
        var batch = ImmutableArray.CreateBuilder<HubGroupMessage>();
        try
        {
            while (await _outgoing.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(BatchWindow, stoppingToken);
                while (batch.Count < MaxBatch && _outgoing.Reader.TryRead(out HubGroupMessage? message)) batch.Add(message);
                ImmutableArray<HubGroupMessage> messages = batch.DrainToImmutable();
                // One-way calls: they return once queued, whether the host is alive or not.
                foreach (IHubGroupObserver host in _otherHosts)
                {
                    try
                    {
                        await host.SendToGroupsAsync(messages);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        logger.LogDebug(e, "Pushes not forwarded to a host; it is dropped from the list when the registry learns it is gone.");
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static async Task<bool> TickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
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
