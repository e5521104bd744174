using Monitoring.Contracts.Alarms;
using Monitoring.DeviceClient;

namespace Monitoring.Cluster.Tests;

using DeviceClient = Monitoring.DeviceClient.DeviceClient;

/// <summary>A device on one host, consoles of its centre on the others: the pushes reach them all.</summary>
public sealed class CrossHostPushTests
{
    /// <summary>Hosts refresh their list of the others this often (ClusterHubGroups.RefreshPeriod), plus a margin.</summary>
    private static readonly TimeSpan HostListRefresh = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task An_alarm_raised_on_one_host_reaches_the_centres_consoles_on_the_other_hosts()
    {
        await using LocalCluster cluster = await LocalCluster.StartAsync(3);
        string consoleToken = await ClusterConsole.RegisterCentreAsync(cluster, "centre-push");
        string token = await cluster.ProvisionDeviceAsync("dev-push", "pat-push", "centre-push");
        await using ClusterConsole onHost1 = await ClusterConsole.ConnectAsync(cluster.Host(1), consoleToken);
        await using ClusterConsole onHost2 = await ClusterConsole.ConnectAsync(cluster.Host(2), consoleToken);
        await Task.Delay(HostListRefresh);

        // mitdb/205: ventricular tachycardia annotated at 4:58.8; 40 s of it, sent as fast as the device can, to host 0 only.
        EcgRecording record = StreamingDevice.Record("mitdb", "205");
        int rate = record.SamplingRateHz;
        var excerpt = new EcgRecording(record.Leads, [record.Signals[0][(270 * rate)..(310 * rate)]], rate, record.GainUnitsPerMv);
        await using var device = new DeviceClient(new DeviceClientOptions { ServerUrl = cluster.Host(0), DeviceId = "dev-push", Token = token });
        await device.StartAsync();
        foreach (SampleBlock block in BatchBuilder.Slice(excerpt, 250, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 40_000))
            await device.EnqueueAsync(block);

        foreach (ClusterConsole console in new[] { onHost1, onHost2 })
        {
            await Eventually.Until(() => console.Alarms.Any(a => a.Condition == "VentricularTachycardia" && a.State == AlarmState.Active),
                TimeSpan.FromSeconds(30), "the V-TACH alarm on a console of another host", cluster.Logs);
            Assert.Contains(console.Vitals, v => v.PatientId == "pat-push");
        }
    }
}
