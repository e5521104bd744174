using System.Collections.Immutable;

namespace Monitoring.Server.Live;

/// <summary>
/// In memory only: after a move to another silo it is filled again within one registration period, since every
/// host refreshes its entry.
/// </summary>
public sealed class HubRegistryGrain(IClusterMembershipService membership, TimeProvider clock) : Grain, IHubRegistryGrain
{
    /// <summary>A host that has not refreshed its entry for this long is taken for gone.</summary>
    public static readonly TimeSpan EntryLifetime = TimeSpan.FromSeconds(30);

    private readonly Dictionary<SiloAddress, (IHubGroupObserver Observer, DateTimeOffset Seen)> _hosts = [];

    public Task<ImmutableArray<IHubGroupObserver>> RegisterAsync(SiloAddress silo, IHubGroupObserver observer)
    {
        DateTimeOffset now = clock.GetUtcNow();
        _hosts[silo] = (observer, now);
        var others = ImmutableArray.CreateBuilder<IHubGroupObserver>(_hosts.Count);
        foreach (var (host, entry) in _hosts.ToList())
        {
            if (now - entry.Seen > EntryLifetime || IsGone(host))
                _hosts.Remove(host);
            else if (!host.Equals(silo))
                others.Add(entry.Observer);
        }
        return Task.FromResult(others.ToImmutable());
    }

    private bool IsGone(SiloAddress silo) =>
        membership.CurrentSnapshot.GetSiloStatus(silo) is SiloStatus.Dead or SiloStatus.ShuttingDown or SiloStatus.Stopping;
}
