using Xunit.Abstractions;

namespace Monitoring.Cluster.Tests;

/// <summary>Three hosts, a streaming fleet, one host killed with SIGKILL mid-stream.</summary>
public sealed class FailoverTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_host_killed_mid_stream_loses_and_duplicates_no_sample()
    {
        await using LocalCluster cluster = await LocalCluster.StartAsync(3);
        string consoleToken = await ClusterConsole.RegisterCentreAsync(cluster, "centre-kill");
        await using ClusterConsole console = await ClusterConsole.ConnectAsync(cluster.Host(0), consoleToken);
        await using Fleet fleet = await Fleet.StartAsync(cluster, "kill", devices: 9, "centre-kill");

        await Task.Delay(TimeSpan.FromSeconds(8));
        cluster.KillServer(1);
        await Task.Delay(TimeSpan.FromSeconds(15));
        await fleet.StopAndDrainAsync(TimeSpan.FromSeconds(90));
        output.WriteLine(fleet.Statistics());
        output.WriteLine($"alarms pushed to the console: {string.Join(", ", console.Alarms.Select(a => $"{a.AlarmId} {a.Condition} {a.State}"))}");

        // The devices that started on host 1 (every third) moved to another host.
        for (int i = 1; i < fleet.Devices.Count; i += cluster.Hosts)
            Assert.True(fleet.Devices[i].Client.GetStatistics().Reconnects >= 1, fleet.Devices[i].DeviceId + " did not reconnect");
        await fleet.AssertStoredExactlyOnceAsync();
        Fleet.AssertNoDuplicateAlarms(console);
    }
}
