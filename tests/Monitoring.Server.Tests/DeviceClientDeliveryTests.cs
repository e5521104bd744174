using System.Net.Http.Json;
using Monitoring.DeviceClient;
using Monitoring.Wfdb;

namespace Monitoring.Server.Tests;

/// <summary>
/// The device client library against the real server: lost connections and a server restart in the middle of a
/// stream cost nothing; storage ends up with every sample exactly once, in order.
/// </summary>
public class DeviceClientDeliveryTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task DropsAndARestartMidStreamLoseAndDuplicateNothing()
    {
        var (token, _) = await server.ProvisionAsync("pat-deliver", "dev-deliver", "centre-deliver");
        var signals = WfdbRecordReader.ReadSignals(SharedData.Record("mitdb", "119"));
        short[] lead = signals.GetSignal(0)[..(360 * 40)];
        var recording = new EcgRecording(["II"], [lead], 360, signals.GetGain(0));
        long start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 40_000;
        var batches = BatchBuilder.Slice(recording, 250, start).ToList();

        await using var device = new DeviceClient.DeviceClient(new DeviceClientOptions
        {
            ServerUrl = server.BaseAddress,
            DeviceId = "dev-deliver",
            Token = token,
            PersistProbeInterval = TimeSpan.FromSeconds(1),
            ReconnectBackoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), 0.2),
        });
        await device.StartAsync();
        for (int i = 0; i < batches.Count; i++)
        {
            await device.EnqueueAsync(batches[i]);
            if (i is 40 or 100) await WaitAcceptedAsync(device, i - 5);
            if (i == 40) await device.DropConnectionAsync();
            if (i == 100) await server.RestartAsync();
        }
        using (var drained = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            await device.DrainAsync(drained.Token);

        var stored = await server.Operator.GetFromJsonAsync<AlarmFlowTests.WaveformDto>(
            $"/api/patients/pat-deliver/waveform?from={start}&to={start + 40_000}", TestJson.Options);
        Assert.Equal(lead, stored!.Segments.SelectMany(s => s.Samples));
        var statistics = device.GetStatistics();
        Assert.Equal(0, statistics.Rejected);
        Assert.True(statistics.Resent > 0, "nothing had to be resent: the test did not interrupt the stream");
    }

    private static async Task WaitAcceptedAsync(DeviceClient.DeviceClient device, long accepted)
    {
        for (int i = 0; i < 200 && device.GetStatistics().Accepted < accepted; i++) await Task.Delay(50);
        Assert.True(device.GetStatistics().Accepted >= accepted, $"only {device.GetStatistics().Accepted} batches accepted");
    }
}
