using Monitoring.DeviceClient;
using Xunit.Abstractions;

namespace Monitoring.Cluster.Tests;

/// <summary>
/// The fleet on a bad mobile network (the simulator's impairment): acknowledgements 150 ± 100 ms late, each device
/// dropping its connection after 3 % of its batches, and every device dropping at once every 6 s (a reconnect storm).
/// </summary>
public sealed class ImpairedNetworkTests(ITestOutputHelper output)
{
    private static readonly NetworkImpairment Impairment = new(LatencyMs: 150, JitterMs: 100, LossProbability: 0.03, DisconnectEvery: TimeSpan.FromSeconds(6));

    [Fact]
    public async Task Loss_jitter_and_reconnect_storms_lose_and_duplicate_no_sample()
    {
        await using FleetRun run = await FleetRun.StartAsync("lossy", consoleHost: 0, Impairment);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(25));
        using var storms = new PeriodicTimer(Impairment.DisconnectEvery!.Value);
        try
        {
            while (await storms.WaitForNextTickAsync(stop.Token))
                await Task.WhenAll(run.Fleet.Devices.Select(d => d.Client.DropConnectionAsync()));
        }
        catch (OperationCanceledException)
        {
        }
        await run.Fleet.StopAndDrainAsync(TimeSpan.FromSeconds(90));
        output.WriteLine(run.Fleet.Statistics());

        // Every device reconnected at least once per storm.
        Assert.All(run.Fleet.Devices, d => Assert.True(d.Client.GetStatistics().Reconnects >= 4, $"{d.DeviceId}: {d.Client.GetStatistics()}"));
        await run.Fleet.AssertStoredExactlyOnceAsync();
        Fleet.AssertNoDuplicateAlarms(run.Console);
    }
}
