namespace Monitoring.Cluster.Tests;

/// <summary>Every host restarted in turn (SIGTERM, then started again) under a streaming fleet, as in a rolling upgrade.</summary>
public sealed class RollingRestartTests
{
    [Fact]
    public async Task Restarting_every_host_in_turn_loses_and_duplicates_no_sample()
    {
        await using LocalCluster cluster = await LocalCluster.StartAsync(3);
        string consoleToken = await ClusterConsole.RegisterCentreAsync(cluster, "centre-roll");
        await using ClusterConsole console = await ClusterConsole.ConnectAsync(cluster.Host(2), consoleToken);
        await using Fleet fleet = await Fleet.StartAsync(cluster, "roll", devices: 9, "centre-roll");

        await Task.Delay(TimeSpan.FromSeconds(5));
        for (int host = 0; host < cluster.Hosts; host++)
        {
            await cluster.StopServerAsync(host);
            await Task.Delay(TimeSpan.FromSeconds(2));
            await cluster.StartServerAsync(host);
            await Task.Delay(TimeSpan.FromSeconds(4));
        }
        await fleet.StopAndDrainAsync(TimeSpan.FromSeconds(90));

        Assert.All(fleet.Devices, d => Assert.True(d.Client.GetStatistics().Reconnects >= 1, d.DeviceId + " never moved"));
        await fleet.AssertStoredExactlyOnceAsync();
        Fleet.AssertNoDuplicateAlarms(console);
    }
}
