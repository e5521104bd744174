using Monitoring.DeviceClient;

namespace Monitoring.Cluster.Tests;

/// <summary>
/// What every fault test starts with: a three-host cluster, a console of the fleet's centre on one host and a fleet
/// of nine devices streaming over all hosts. Disposing it stops them all.
/// </summary>
public sealed class FleetRun : IAsyncDisposable
{
    private FleetRun(LocalCluster cluster, ClusterConsole console, Fleet fleet)
    {
        Cluster = cluster;
        Console = console;
        Fleet = fleet;
    }

    public LocalCluster Cluster { get; }

    public ClusterConsole Console { get; }

    public Fleet Fleet { get; }

    /// <param name="name">Names the centre, devices and patients of the run.</param>
    /// <param name="consoleHost">The host the console connects to.</param>
    /// <param name="impairment">The devices' network (none by default).</param>
    public static async Task<FleetRun> StartAsync(string name, int consoleHost, NetworkImpairment? impairment = null)
    {
        LocalCluster cluster = await LocalCluster.StartAsync(3);
        ClusterConsole? console = null;
        try
        {
            string centreId = "centre-" + name;
            string consoleToken = await ClusterConsole.RegisterCentreAsync(cluster, centreId);
            console = await ClusterConsole.ConnectAsync(cluster.Host(consoleHost), consoleToken);
            Fleet fleet = await Fleet.StartAsync(cluster, name, devices: 9, centreId, impairment);
            return new FleetRun(cluster, console, fleet);
        }
        catch
        {
            if (console is not null) await console.DisposeAsync();
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Fleet.DisposeAsync();
        await Console.DisposeAsync();
        await Cluster.DisposeAsync();
    }
}
