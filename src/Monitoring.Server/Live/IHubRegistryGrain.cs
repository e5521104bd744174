using System.Collections.Immutable;

namespace Monitoring.Server.Live;

/// <summary>
/// The hosts of the cluster that serve consoles (the GPSTracker hub-list pattern): each host registers its
/// <see cref="IHubGroupObserver"/> every few seconds and gets the others back. Entries of hosts that stopped
/// registering, or whose silo the cluster declared dead, are dropped.
/// </summary>
public interface IHubRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Registers (or refreshes) the host of <paramref name="silo"/>; returns every live host's observer but its own.</summary>
    Task<ImmutableArray<IHubGroupObserver>> RegisterAsync(SiloAddress silo, IHubGroupObserver observer);
}
