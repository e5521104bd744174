namespace Monitoring.Cluster.Tests;

/// <summary>Every host restarted in turn (SIGTERM, then started again) under a streaming fleet, as in a rolling upgrade.</summary>
public sealed class RollingRestartTests
{
    // While a host stops, a device grain can run on two hosts at once; both may write the same batches, and storage's
    // fence rows keep each stored once.
    [Fact]
    public async Task Restarting_every_host_in_turn_loses_and_duplicates_no_sample()
    {
        await using FleetRun run = await FleetRun.StartAsync("roll", consoleHost: 2);

        await Task.Delay(TimeSpan.FromSeconds(5));
        for (int host = 0; host < run.Cluster.Hosts; host++)
        {
            await run.Cluster.StopServerAsync(host);
            await Task.Delay(TimeSpan.FromSeconds(2));
            await run.Cluster.StartServerAsync(host);
            await Task.Delay(TimeSpan.FromSeconds(4));
        }
        await run.Fleet.StopAndDrainAsync(TimeSpan.FromSeconds(90));

        Assert.All(run.Fleet.Devices, d => Assert.True(d.Client.GetStatistics().Reconnects >= 1, d.DeviceId + " never moved"));
        await run.Fleet.AssertStoredExactlyOnceAsync();
        await run.Fleet.AssertNoGapsAsync();
        Fleet.AssertNoDuplicateAlarms(run.Console);
    }
}
