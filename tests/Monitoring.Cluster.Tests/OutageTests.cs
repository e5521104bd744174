using Monitoring.Contracts.Alarms;

namespace Monitoring.Cluster.Tests;

/// <summary>The servers cut off Azurite or Redis for a while under a streaming fleet: service degrades, resumes by itself, and nothing accepted is lost.</summary>
public sealed class OutageTests
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(12);

    [Fact]
    public async Task A_storage_outage_holds_the_devices_batches_and_loses_nothing_once_storage_is_back()
    {
        await using FleetRun run = await FleetRun.StartAsync("store", consoleHost: 0);
        await Task.Delay(TimeSpan.FromSeconds(6));

        run.Cluster.CutStorage();
        var outage = Task.Delay(Outage);
        // The centre is told: every patient shows the technical alarm ECG RECORDING FAILED (live ECG and alarms go on).
        await Eventually.Until(
            () => run.Fleet.Devices.All(d => run.Console.Alarms.Any(a => a.PatientId == d.PatientId && a.Condition == "RecordingFailure" && a.State == AlarmState.Active)),
            TimeSpan.FromSeconds(30), "ECG RECORDING FAILED for every patient during the outage");
        await outage;
        // Back-pressure: the devices hold what storage has not taken, and the hosts say they are unhealthy.
        Assert.All(run.Fleet.Devices, d => Assert.True(d.Client.GetStatistics().PendingSeconds >= 8, $"{d.DeviceId}: {d.Client.GetStatistics()}"));
        for (int host = 0; host < run.Cluster.Hosts; host++) Assert.NotEqual(200, await run.Cluster.HealthAsync(host));

        run.Cluster.RestoreStorage();
        await Task.Delay(TimeSpan.FromSeconds(5));
        await run.Fleet.StopAndDrainAsync(TimeSpan.FromSeconds(90));

        for (int host = 0; host < run.Cluster.Hosts; host++) Assert.Equal(200, await run.Cluster.HealthAsync(host));
        await Eventually.Until(
            () => run.Fleet.Devices.All(d => run.Console.Alarms.Any(a => a.PatientId == d.PatientId && a.Condition == "RecordingFailure" && a.State == AlarmState.Resolved)),
            TimeSpan.FromSeconds(30), "end of ECG RECORDING FAILED for every patient",
            () => string.Join("\n", run.Console.Alarms.Where(a => a.Condition == "RecordingFailure").Select(a => $"{a.PatientId} {a.State}")) + "\n" + run.Cluster.Logs());
        await run.Fleet.AssertStoredExactlyOnceAsync();
    }

    [Fact]
    public async Task A_membership_outage_does_not_stop_ingestion()
    {
        await using FleetRun run = await FleetRun.StartAsync("redis", consoleHost: 0);
        await Task.Delay(TimeSpan.FromSeconds(6));

        run.Cluster.CutRedis();
        long acceptedBefore = run.Fleet.Devices.Sum(d => d.Client.GetStatistics().Accepted);
        await Task.Delay(Outage);
        long acceptedDuring = run.Fleet.Devices.Sum(d => d.Client.GetStatistics().Accepted) - acceptedBefore;
        run.Cluster.RestoreRedis();
        await Task.Delay(TimeSpan.FromSeconds(5));
        await run.Fleet.StopAndDrainAsync(TimeSpan.FromSeconds(90));

        // 9 devices send 4 batches/s: ingestion went on (at least 80 % of it) while the membership table was away.
        Assert.True(acceptedDuring >= 0.8 * run.Fleet.Devices.Count * 4 * Outage.TotalSeconds, $"{acceptedDuring} batches accepted during the outage");
        for (int host = 0; host < run.Cluster.Hosts; host++) Assert.True(run.Cluster.IsRunning(host), $"host {host} stopped:\n{run.Cluster.Logs()}");
        await run.Fleet.AssertStoredExactlyOnceAsync();
    }
}
