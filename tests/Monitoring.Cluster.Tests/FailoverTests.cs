using Xunit.Abstractions;

namespace Monitoring.Cluster.Tests;

/// <summary>Three hosts, a streaming fleet, one host killed with SIGKILL mid-stream.</summary>
public sealed class FailoverTests(ITestOutputHelper output)
{
    // Under a host kill a device grain can run on two hosts for a while, each cutting the resent batches into its own
    // segments; storage's fence rows keep every batch stored once (ExactlyOnceWaveformTests covers that on its own).
    // The kill comes after the second segment (10 s each): a device grain saves its state with its first segment and
    // then once a minute, so the killed grains' saved watermark is a segment behind storage, and their new activations
    // must take it from storage, or the devices (which let go of what storage acknowledged) would show a gap.
    [Fact]
    public async Task A_host_killed_mid_stream_loses_and_duplicates_no_sample()
    {
        await using FleetRun run = await FleetRun.StartAsync("kill", consoleHost: 0);

        await Task.Delay(TimeSpan.FromSeconds(25));
        // The host (other than the console's) that runs the most device grains.
        int[] grainHosts = await run.Fleet.GrainHostsAsync();
        int[] grainsOn = [.. Enumerable.Range(0, run.Cluster.Hosts).Select(host => grainHosts.Count(h => h == host))];
        int killed = Enumerable.Range(1, run.Cluster.Hosts - 1).MaxBy(host => grainsOn[host]);
        output.WriteLine($"device grains per host: {string.Join(", ", grainsOn.Select((count, host) => $"{host}: {count}"))}; host {killed} killed");
        Assert.True(grainsOn[killed] > 0, "no device grain on hosts other than the console's: the kill would test nothing");
        run.Cluster.KillServer(killed);
        await Task.Delay(TimeSpan.FromSeconds(15));
        await run.Fleet.StopAndDrainAsync(TimeSpan.FromSeconds(90));
        output.WriteLine(run.Fleet.Statistics());
        output.WriteLine($"alarms pushed to the console: {string.Join(", ", run.Console.Alarms.Select(a => $"{a.AlarmId} {a.Condition} {a.State}"))}");

        // The devices that started on the killed host (every third) moved to another host.
        for (int i = killed; i < run.Fleet.Devices.Count; i += run.Cluster.Hosts)
            Assert.True(run.Fleet.Devices[i].Client.GetStatistics().Reconnects >= 1, run.Fleet.Devices[i].DeviceId + " did not reconnect");
        await run.Fleet.AssertStoredExactlyOnceAsync();
        await run.Fleet.AssertNoGapsAsync();
        Fleet.AssertNoDuplicateAlarms(run.Console);
    }
}
