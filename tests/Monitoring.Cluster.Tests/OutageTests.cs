namespace Monitoring.Cluster.Tests;

/// <summary>The servers cut off Azurite or Redis for a while under a streaming fleet: service degrades, resumes by itself, and nothing accepted is lost.</summary>
public sealed class OutageTests
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(12);

    [Fact]
    public async Task A_storage_outage_holds_the_devices_batches_and_loses_nothing_once_storage_is_back()
    {
        await using LocalCluster cluster = await LocalCluster.StartAsync(3);
        await using Fleet fleet = await Fleet.StartAsync(cluster, "store", devices: 9, "centre-store");
        await Task.Delay(TimeSpan.FromSeconds(6));

        cluster.CutStorage();
        await Task.Delay(Outage);
        // Back-pressure: the devices hold what storage has not taken, and the hosts say they are unhealthy.
        Assert.All(fleet.Devices, d => Assert.True(d.Client.GetStatistics().PendingSeconds >= 8, $"{d.DeviceId}: {d.Client.GetStatistics()}"));
        for (int host = 0; host < cluster.Hosts; host++) Assert.NotEqual(200, await cluster.HealthAsync(host));

        cluster.RestoreStorage();
        await Task.Delay(TimeSpan.FromSeconds(5));
        await fleet.StopAndDrainAsync(TimeSpan.FromSeconds(90));

        for (int host = 0; host < cluster.Hosts; host++) Assert.Equal(200, await cluster.HealthAsync(host));
        await fleet.AssertStoredExactlyOnceAsync();
    }

    [Fact]
    public async Task A_membership_outage_does_not_stop_ingestion()
    {
        await using LocalCluster cluster = await LocalCluster.StartAsync(3);
        await using Fleet fleet = await Fleet.StartAsync(cluster, "redis", devices: 9, "centre-redis");
        await Task.Delay(TimeSpan.FromSeconds(6));

        cluster.CutRedis();
        long acceptedBefore = fleet.Devices.Sum(d => d.Client.GetStatistics().Accepted);
        await Task.Delay(Outage);
        long acceptedDuring = fleet.Devices.Sum(d => d.Client.GetStatistics().Accepted) - acceptedBefore;
        cluster.RestoreRedis();
        await Task.Delay(TimeSpan.FromSeconds(5));
        await fleet.StopAndDrainAsync(TimeSpan.FromSeconds(90));

        // 9 devices send 4 batches/s: ingestion went on (at least 80 % of it) while the membership table was away.
        Assert.True(acceptedDuring >= 0.8 * 9 * 4 * Outage.TotalSeconds, $"{acceptedDuring} batches accepted during the outage");
        for (int host = 0; host < cluster.Hosts; host++) Assert.True(cluster.IsRunning(host), $"host {host} stopped:\n{cluster.Logs()}");
        await fleet.AssertStoredExactlyOnceAsync();
    }
}
