using System.Net;
using System.Net.Http.Json;
using MessagePack;
using Microsoft.AspNetCore.SignalR.Client;
using Monitoring.Contracts.Devices;

namespace Monitoring.Server.Tests;

/// <summary>Every kind of bad input gets a clear answer, the connection and the server survive, and accepted data is untouched.</summary>
public class BadInputTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task AWrongOrUnknownCredentialCannotConnect()
    {
        await server.ProvisionAsync("pat-cred", "dev-cred", "centre-cred");
        foreach (string token in new[] { "dev-cred:wrong-secret", "no-such-device:secret", "garbage", "" })
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => HubClients.ConnectDeviceAsync(server.BaseAddress, token));
            Assert.Contains("401", error.Message);
        }
        await ScrapeAsync("monitoring_authentication_failures_total{", "scheme=\"Device\"");
        using var anonymous = new HttpClient { BaseAddress = server.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/devices", new { deviceId = "x" })).StatusCode);
    }

    [Fact]
    public async Task ARevokedCredentialCanNoLongerConnectOrSend()
    {
        var (token, _) = await server.ProvisionAsync("pat-rev", "dev-rev", "centre-rev");
        await using var device = await HubClients.ConnectDeviceAsync(server.BaseAddress, token);
        var batches = RecordStream.Batches("dev-rev", "mitdb", "101", 0, 2);
        Assert.Equal(BatchStatus.Accepted, (await device.SendAsync(batches[0])).Status);

        (await server.Operator.DeleteAsync("/api/devices/dev-rev/credential")).EnsureSuccessStatusCode();
        var ack = await device.SendAsync(batches[1]);
        Assert.Equal((BatchStatus.Rejected, BatchErrors.CredentialRevoked), (ack.Status, ack.ErrorCode));
        await Assert.ThrowsAnyAsync<Exception>(() => HubClients.ConnectDeviceAsync(server.BaseAddress, token));
    }

    [Fact]
    public async Task MalformedBadAndImplausibleBatchesAreRejectedWithAReasonAndTheConnectionLives()
    {
        var (token, _) = await server.ProvisionAsync("pat-bad", "dev-bad", "centre-bad");
        await using var device = await HubClients.ConnectDeviceAsync(server.BaseAddress, token);
        var good = RecordStream.Batches("dev-bad", "mitdb", "101", 0, 3);
        for (int i = 0; i < 4; i++) Assert.Equal(BatchStatus.Accepted, (await device.SendAsync(good[i])).Status);
        var template = good[4];

        async Task Expect(string error, byte[] frame)
        {
            var ack = await device.InvokeAsync<BatchAck>(DeviceHubMethods.SendBatch, frame);
            Assert.Equal(BatchStatus.Rejected, ack.Status);
            Assert.Equal(error, ack.ErrorCode);
            Assert.False(string.IsNullOrWhiteSpace(ack.ErrorMessage));
        }
        byte[] Frame(DeviceBatch batch) => DeviceWire.Encode(batch);
        DeviceBatch Copy(DeviceBatch b, string? device = null, long? sequence = null, long? time = null, int? rate = null, string[]? leads = null, short[]? samples = null) => new()
        {
            DeviceId = device ?? b.DeviceId, Sequence = sequence ?? b.Sequence, FirstSampleTimeUnixMs = time ?? b.FirstSampleTimeUnixMs,
            SamplingRateHz = rate ?? b.SamplingRateHz, GainUnitsPerMv = b.GainUnitsPerMv, Leads = leads ?? b.Leads, Samples = samples ?? b.Samples,
        };

        await Expect(BatchErrors.Malformed, [0xC1, 0x00, 0x13]);
        await Expect(BatchErrors.Malformed, MessagePackSerializer.Serialize(new object[] { "dev-bad", "not a number" }));
        await Expect(BatchErrors.TooLarge, new byte[DeviceBatchLimits.MaxMessageBytes + 10]);
        await Expect(BatchErrors.TooLarge, Frame(Copy(template, samples: new short[DeviceBatchLimits.MaxSamplesPerBatch + 1])));
        await Expect(BatchErrors.SamplingRate, Frame(Copy(template, rate: 50)));
        await Expect(BatchErrors.SamplingRate, Frame(Copy(template, rate: 2000)));
        await Expect(BatchErrors.LeadCount, Frame(Copy(template, leads: [.. Enumerable.Range(0, 13).Select(i => $"L{i}")], samples: new short[13 * 10])));
        await Expect(BatchErrors.SampleCount, Frame(Copy(template, leads: ["I", "II"], samples: new short[91])));
        await Expect(BatchErrors.WrongDevice, Frame(Copy(template, device: "dev-someone-else")));
        await Expect(BatchErrors.FarFutureSequence, Frame(Copy(template, sequence: 10_000_000)));
        await Expect(BatchErrors.FarFutureTime, Frame(Copy(template, time: DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds())));
        await Expect(BatchErrors.TimeGoesBack, Frame(Copy(template, time: good[0].FirstSampleTimeUnixMs)));

        Assert.Equal(BatchStatus.Duplicate, (await device.SendAsync(good[2])).Status);
        Assert.Equal(BatchStatus.Accepted, (await device.SendAsync(good[4])).Status);
        Assert.Equal(BatchStatus.Accepted, (await device.SendAsync(good[7])).Status); // 5 and 6 have not come: a gap
        Assert.Equal(BatchStatus.Accepted, (await device.SendAsync(good[5])).Status); // late: stored, not analysed
        Assert.Equal(BatchStatus.Accepted, (await device.SendAsync(good[8])).Status);

        var status = await server.Operator.GetFromJsonAsync<DeviceStatus>("/api/devices/dev-bad", TestJson.Options);
        Assert.Equal((7L, 1L, 1L, 1L, 1L), (status!.BatchesAccepted, status.DuplicatesDropped, status.BatchesMissing, status.Gaps, status.LateBatches));
        await server.WaitPersistedAsync("dev-bad", good[8].Sequence);
        var stored = await server.Operator.GetFromJsonAsync<AlarmFlowTests.WaveformDto>(
            $"/api/patients/pat-bad/waveform?from={good[0].FirstSampleTimeUnixMs}&to={good[8].FirstSampleTimeUnixMs + 250}", TestJson.Options);
        Assert.Equal(good.Where((_, i) => i != 6 && i <= 8).SelectMany(b => b.Samples), stored!.Segments.SelectMany(s => s.Samples));
        Assert.Equal(HubConnectionState.Connected, device.State);

        // Each rejection is counted by reason on the Prometheus endpoint.
        string metrics = await ScrapeAsync("monitoring_batches_rejected_total{", $"reason=\"{BatchErrors.TimeGoesBack}\"");
        foreach (string reason in new[] { BatchErrors.Malformed, BatchErrors.TooLarge, BatchErrors.SamplingRate, BatchErrors.LeadCount, BatchErrors.SampleCount, BatchErrors.WrongDevice, BatchErrors.FarFutureSequence, BatchErrors.FarFutureTime, BatchErrors.TimeGoesBack })
            Assert.Contains($"reason=\"{reason}\"", metrics);
        Assert.Contains("monitoring_batches_duplicate_total", metrics);
        Assert.Contains("monitoring_batches_late_total", metrics);
    }

    /// <summary>The metrics page once it has a line of <paramref name="metric"/> with <paramref name="label"/> (the exporter caches pages briefly).</summary>
    private async Task<string> ScrapeAsync(string metric, string label)
    {
        string page = "";
        for (int i = 0; i < 50; i++)
        {
            page = await server.Operator.GetStringAsync("/metrics");
            if (page.Split('\n').Any(line => line.StartsWith(metric) && line.Contains(label))) return page;
            await Task.Delay(200);
        }
        throw new TimeoutException($"{metric} with {label} never appeared on /metrics:\n{page}");
    }

    [Fact]
    public async Task HealthMetricsAndTheOrleansDashboardAnswer()
    {
        using var anonymous = new HttpClient { BaseAddress = server.BaseAddress };
        Assert.Equal("Healthy", await anonymous.GetStringAsync("/health"));
        Assert.Contains("orleans", await anonymous.GetStringAsync("/metrics"));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/dashboard")).StatusCode);
    }

    [Fact]
    public async Task InvalidIdsAndSettingsAreRefused()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await server.Operator.PostAsJsonAsync("/api/devices", new { deviceId = "a/b" })).StatusCode);
        await server.ProvisionAsync("pat-set", "dev-set", "centre-set");
        var response = await server.Operator.PutAsJsonAsync("/api/patients/pat-set/alarm-settings", new { asystoleSeconds = 1.0, pauseSeconds = 2.0, bradycardiaBpm = 50, tachycardiaBpm = 120, extremeBradycardiaBpm = 40, extremeTachycardiaBpm = 140, ventricularTachycardiaBeats = 6, ventricularTachycardiaBpm = 130, pvcsPerMinute = 10, signalLossSeconds = 5 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("AsystoleDelaySeconds", await response.Content.ReadAsStringAsync());
        response = await server.Operator.PutAsJsonAsync("/api/patients/pat-set/alarm-settings", new { rateAlarmDelaySeconds = 30 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("RateAlarmDelaySeconds", await response.Content.ReadAsStringAsync());
    }
}
