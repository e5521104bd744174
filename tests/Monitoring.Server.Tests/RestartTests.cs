using System.Net.Http.Json;
using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Devices;
using Monitoring.Contracts.Patients;

namespace Monitoring.Server.Tests;

/// <summary>After a server restart, alarms, patient settings, stored waveforms and the device's stream position are all still there.</summary>
public class RestartTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task EverythingStoredSurvivesARestart()
    {
        var (deviceToken, centreToken) = await server.ProvisionAsync("pat-rs", "dev-rs", "centre-rs");
        var settings = new PatientAlarmSettings { TachycardiaBpm = 110, ExtremeTachycardiaBpm = 150 };
        (await server.Operator.PutAsJsonAsync("/api/patients/pat-rs/alarm-settings", settings)).EnsureSuccessStatusCode();

        var batches = RecordStream.Batches("dev-rs", "mitdb", "205", 270, 310);
        await using (var console = await CentreConsole.ConnectAsync(server.BaseAddress, centreToken))
        await using (var device = await HubClients.ConnectDeviceAsync(server.BaseAddress, deviceToken))
        {
            foreach (var batch in batches) await device.SendAsync(batch);
            await console.WaitForAlarmAsync(a => a.Condition == "VentricularTachycardia", TimeSpan.FromSeconds(20));
        }
        await server.WaitPersistedAsync("dev-rs", batches[^1].Sequence);

        await server.RestartAsync();

        var status = await server.Operator.GetFromJsonAsync<PatientStatus>("/api/patients/pat-rs", TestJson.Options);
        Assert.Equal(110, status!.Settings.TachycardiaBpm);
        Assert.Equal("dev-rs", status.DeviceId);
        Assert.Contains(status.ActiveAlarms, a => a.Condition == "VentricularTachycardia" && a.Latched);

        long from = batches[0].FirstSampleTimeUnixMs, to = batches[^1].FirstSampleTimeUnixMs + 250;
        var alarms = await server.Operator.GetFromJsonAsync<List<Alarm>>($"/api/patients/pat-rs/alarms?from={from}&to={to}", TestJson.Options);
        Assert.Contains(alarms!, a => a.Condition == "VentricularTachycardia" && a.State == AlarmState.Active);

        var stored = await server.Operator.GetFromJsonAsync<AlarmFlowTests.WaveformDto>($"/api/patients/pat-rs/waveform?from={from}&to={to}", TestJson.Options);
        Assert.Equal(batches.Sum(b => b.Samples.Length), stored!.Segments.Sum(s => s.Samples.Length));

        // The device resumes where storage ended: what it resends is a duplicate, the next batch is accepted.
        await using var again = await HubClients.ConnectDeviceAsync(server.BaseAddress, deviceToken);
        Assert.Equal(BatchStatus.Duplicate, (await again.SendAsync(batches[^1])).Status);
        var next = RecordStream.Batches("dev-rs", "mitdb", "205", 310, 311, firstSequence: batches[^1].Sequence + 1, endUnixMs: batches[^1].FirstSampleTimeUnixMs + 250 + 1_000);
        Assert.Equal(BatchStatus.Accepted, (await again.SendAsync(next[0])).Status);

        await using var console2 = await CentreConsole.ConnectAsync(server.BaseAddress, centreToken);
        await console2.WaitForAlarmAsync(a => a.Condition == "VentricularTachycardia", TimeSpan.FromSeconds(5));
    }
}
