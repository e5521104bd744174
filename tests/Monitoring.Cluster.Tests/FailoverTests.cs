using Xunit.Abstractions;

namespace Monitoring.Cluster.Tests;

/// <summary>Three hosts, a streaming fleet, one host killed with SIGKILL mid-stream.</summary>
public sealed class FailoverTests(ITestOutputHelper output)
{
    // Under a host kill a device grain can run on two hosts for a while, each cutting the resent batches into its own
    // segments; storage's fence rows keep every batch stored once (ExactlyOnceWaveformTests covers that on its own).
    [Fact]
    public async Task A_host_killed_mid_stream_loses_and_duplicates_no_sample()
    {
        await using FleetRun run = await FleetRun.StartAsync("kill", consoleHost: 0);

        await Task.Delay(TimeSpan.FromSeconds(8));
        run.Cluster.KillServer(1);
        await Task.Delay(TimeSpan.FromSeconds(15));
        await run.Fleet.StopAndDrainAsync(TimeSpan.FromSeconds(90));
        output.WriteLine(run.Fleet.Statistics());
        output.WriteLine($"alarms pushed to the console: {string.Join(", ", run.Console.Alarms.Select(a => $"{a.AlarmId} {a.Condition} {a.State}"))}");

        // The devices that started on host 1 (every third) moved to another host.
        for (int i = 1; i < run.Fleet.Devices.Count; i += run.Cluster.Hosts)
            Assert.True(run.Fleet.Devices[i].Client.GetStatistics().Reconnects >= 1, run.Fleet.Devices[i].DeviceId + " did not reconnect");
        await run.Fleet.AssertStoredExactlyOnceAsync();
        Fleet.AssertNoDuplicateAlarms(run.Console);
    }
}
