using System.Net.Http.Json;
using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Devices;

namespace Monitoring.Server.Tests;

/// <summary>A patient keeps one history across devices: a replaced patch, or a 12-lead unit in the ambulance.</summary>
public class DeviceChangeTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task AReplacedPatchContinuesThePatientsHistory()
    {
        var (firstToken, _) = await server.ProvisionAsync("pat-swap", "patch-a", "centre-swap");
        long end = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var first = RecordStream.Batches("patch-a", "mitdb", "119", 0, 10, endUnixMs: end - 10_000);
        await using (var device = await HubClients.ConnectDeviceAsync(server.BaseAddress, firstToken))
        {
            foreach (var batch in first) Assert.Equal(BatchStatus.Accepted, (await device.SendAsync(batch)).Status);
        }

        string secondToken = await server.RegisterDeviceAsync("patch-b");
        (await server.Operator.PostAsJsonAsync("/api/patients/pat-swap/device", new { deviceId = "patch-b" })).EnsureSuccessStatusCode();
        var second = RecordStream.Batches("patch-b", "mitdb", "119", 10, 20, endUnixMs: end);
        await using (var device = await HubClients.ConnectDeviceAsync(server.BaseAddress, secondToken))
        {
            foreach (var batch in second) Assert.Equal(BatchStatus.Accepted, (await device.SendAsync(batch)).Status);
        }
        await server.WaitPersistedAsync("patch-b", second[^1].Sequence);

        var stored = await server.Operator.GetFromJsonAsync<AlarmFlowTests.WaveformDto>(
            $"/api/patients/pat-swap/waveform?from={first[0].FirstSampleTimeUnixMs}&to={end}", TestJson.Options);
        Assert.Equal(["patch-a", "patch-b"], stored!.Segments.Select(s => s.DeviceId).Distinct());
        Assert.Equal(first.Concat(second).SelectMany(b => b.Samples), stored.Segments.SelectMany(s => s.Samples));
        var oldPatch = await server.Operator.GetFromJsonAsync<DeviceStatus>("/api/devices/patch-a", TestJson.Options);
        Assert.Null(oldPatch!.PatientId);
    }

    [Fact]
    public async Task ATwelveLeadUnitIsAnalysedOnLeadIIAndStoredWithAllLeads()
    {
        var (token, centreToken) = await server.ProvisionAsync("pat-12", "ambulance-12", "centre-12");
        string[] leads = ["I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"];
        var lead2 = RecordStream.Batches("ambulance-12", "mitdb", "205", 270, 310);
        var twelve = lead2.Select(b => new DeviceBatch
        {
            DeviceId = b.DeviceId, Sequence = b.Sequence, FirstSampleTimeUnixMs = b.FirstSampleTimeUnixMs, SamplingRateHz = b.SamplingRateHz,
            GainUnitsPerMv = b.GainUnitsPerMv, Leads = leads,
            // Lead II carries the record; the other leads are scaled copies (synthetic), so only lead II can be analysed right.
            Samples = [.. b.Samples.SelectMany(s => leads.Select((name, i) => name == "II" ? s : (short)(s / (i + 2))))],
        }).ToList();

        await using var console = await CentreConsole.ConnectAsync(server.BaseAddress, centreToken);
        await using (var device = await HubClients.ConnectDeviceAsync(server.BaseAddress, token))
        {
            foreach (var batch in twelve) Assert.Equal(BatchStatus.Accepted, (await device.SendAsync(batch)).Status);
        }
        await console.WaitForAlarmAsync(a => a.Condition == "VentricularTachycardia" && a.PatientId == "pat-12", TimeSpan.FromSeconds(20));
        await server.WaitPersistedAsync("ambulance-12", twelve[^1].Sequence);
        var stored = await server.Operator.GetFromJsonAsync<AlarmFlowTests.WaveformDto>(
            $"/api/patients/pat-12/waveform?from={twelve[0].FirstSampleTimeUnixMs}&to={twelve[^1].FirstSampleTimeUnixMs + 250}", TestJson.Options);
        Assert.All(stored!.Segments, s => Assert.Equal(leads, s.Leads));
        Assert.Equal(twelve.SelectMany(b => b.Samples), stored.Segments.SelectMany(s => s.Samples));
    }

}
