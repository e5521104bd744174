using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Devices;
using Monitoring.Contracts.Patients;
using Monitoring.Server.Hubs;
using Monitoring.Server.Live;

namespace Monitoring.Server.Tests;

/// <summary>Devices stream real ECG through the device hub; a centre's console receives the alarms over SignalR (pushes by the default hub notifier).</summary>
public sealed class AlarmFlowTests(ServerFixture server) : AlarmFlowScenarios(server), IClassFixture<ServerFixture>;

/// <summary>The same alarm flow with pushes travelling by Orleans streams (<c>Monitoring:Live:Transport=OrleansStreams</c>).</summary>
public sealed class AlarmFlowOverOrleansStreamsTests(OrleansStreamsServerFixture server) : AlarmFlowScenarios(server), IClassFixture<OrleansStreamsServerFixture>
{
    [Fact]
    public async Task TheHostStopsListeningToAGroupsStreamWhenItsLastConsoleLeaves()
    {
        var groups = (StreamLiveGroups)server.Services.GetRequiredService<ILiveGroups>();
        var (_, token) = await server.ProvisionAsync("pat-leave", "dev-leave", "centre-leave");
        var first = await CentreConsole.ConnectAsync(server.BaseAddress, token);
        var second = await CentreConsole.ConnectAsync(server.BaseAddress, token);
        await first.Connection.InvokeAsync("WatchPatient", "pat-leave");
        await second.Connection.InvokeAsync("WatchPatient", "pat-leave");
        Assert.True(groups.IsListening(MonitoringGroups.Centre("centre-leave")));
        Assert.True(groups.IsListening(MonitoringGroups.Patient("pat-leave")));

        await first.Connection.InvokeAsync("UnwatchPatient", "pat-leave");
        Assert.True(groups.IsListening(MonitoringGroups.Patient("pat-leave")), "the second console still watches");
        await second.DisposeAsync();
        await WaitAsync(() => !groups.IsListening(MonitoringGroups.Patient("pat-leave")));
        Assert.True(groups.IsListening(MonitoringGroups.Centre("centre-leave")), "the first console is still connected");
        await first.DisposeAsync();
        await WaitAsync(() => !groups.IsListening(MonitoringGroups.Centre("centre-leave")));
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.True(condition());
    }
}

/// <summary>
/// What a console sees of a patient's alarms, waveform and vitals, whichever transport carries the pushes; each
/// subclass runs every scenario on its own server.
/// </summary>
public abstract class AlarmFlowScenarios(ServerFixture server)
{
    private static readonly TimeSpan AlarmWait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task VentricularTachycardiaReachesTheCentreAsAHighPriorityAlarm()
    {
        var (device, console) = await StartAsync("vt");
        // mitdb/205: VT annotated at 4:58.8.
        foreach (var batch in RecordStream.Batches("dev-vt", "mitdb", "205", 270, 310))
            Assert.Equal(BatchStatus.Accepted, (await device.SendAsync(batch)).Status);

        var (alarm, received) = await console.WaitForAlarmAsync(a => a.Condition == "VentricularTachycardia", AlarmWait);
        Assert.Equal(("pat-vt", "centre-vt", AlarmPriority.High, AlarmKind.Physiological, "V-TACH"), (alarm.PatientId, alarm.CentreId, alarm.Priority, alarm.Kind, alarm.Label));
        Assert.True(alarm.BeatCount >= 6);
        Assert.True(received - alarm.EvidenceArrivedUnixMs < 5_000, $"alarm took {received - alarm.EvidenceArrivedUnixMs} ms from evidence to console");
        await device.DisposeAsync();
        await console.DisposeAsync();
    }

    [Fact]
    public async Task AVentricularTachycardiaThatComesBackWhileItsAlarmIsLatchedIsThatAlarmAgain()
    {
        var (device, console) = await StartAsync("vt-again");
        // mitdb/205: runs of VT at 4:58.8-5:01.8 and 5:03.0-5:06.3, sinus beats between; nobody acknowledges.
        foreach (var batch in RecordStream.Batches("dev-vt-again", "mitdb", "205", 270, 310)) await device.SendAsync(batch);

        var (latched, _) = await console.WaitForAlarmAsync(a => a.Condition == "VentricularTachycardia" && a.State == AlarmState.Latched, AlarmWait);
        var (again, _) = await console.WaitForAlarmAsync(a => a.AlarmId == latched.AlarmId && a.Recurrences == 1, AlarmWait);
        Assert.Equal((AlarmState.Active, (long?)null), (again.State, again.EndUnixMs));
        Assert.True(again.LastOnsetUnixMs > latched.EndUnixMs, "the recurrence starts after the first run ended");
        Assert.True(again.IsRaise && again.Version > latched.Version);

        // One V-TACH alarm on the patient's list and in the alarm log, not one per run.
        var patient = await server.Operator.GetFromJsonAsync<PatientStatus>("/api/patients/pat-vt-again", TestJson.Options);
        Assert.Single(patient!.ActiveAlarms, a => a.Condition == "VentricularTachycardia");
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var logged = await server.Operator.GetFromJsonAsync<List<Alarm>>($"/api/patients/pat-vt-again/alarms?from={now - 600_000}&to={now + 60_000}", TestJson.Options);
        Assert.Equal([latched.AlarmId], logged!.Where(a => a.Condition == "VentricularTachycardia").Select(a => a.AlarmId).Distinct());
        await device.DisposeAsync();
        await console.DisposeAsync();
    }

    [Fact]
    public async Task AFlatLineRaisesAsystole()
    {
        var (device, console) = await StartAsync("asys");
        var beats = RecordStream.Batches("dev-asys", "mitdb", "101", 0, 20, endUnixMs: DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 10_000);
        foreach (var batch in beats) await device.SendAsync(batch);
        var last = beats[^1];
        for (int i = 1; i <= 40; i++)
        {
            var flat = new short[last.Samples.Length];
            Array.Fill(flat, last.Samples[^1]);
            await device.SendAsync(new DeviceBatch
            {
                DeviceId = last.DeviceId, Sequence = last.Sequence + i, FirstSampleTimeUnixMs = last.FirstSampleTimeUnixMs + i * 250L,
                SamplingRateHz = last.SamplingRateHz, GainUnitsPerMv = last.GainUnitsPerMv, Leads = last.Leads, Samples = flat,
            });
        }
        var (alarm, _) = await console.WaitForAlarmAsync(a => a.Condition == "Asystole", AlarmWait);
        Assert.Equal((AlarmPriority.High, true, "ASYSTOLE"), (alarm.Priority, alarm.Latched, alarm.Label));
        Assert.True(alarm.IntervalMs >= 4_000);
        await device.DisposeAsync();
        await console.DisposeAsync();
    }

    [Fact]
    public async Task AStoppedDeviceRaisesSignalLossAndResumingEndsIt()
    {
        var (device, console) = await StartAsync("loss");
        var batches = RecordStream.Batches("dev-loss", "mitdb", "101", 0, 5);
        foreach (var batch in batches) await device.SendAsync(batch);

        var (loss, _) = await console.WaitForAlarmAsync(a => a.Condition == "SignalLoss" && a.State == AlarmState.Active, AlarmWait);
        Assert.Equal((AlarmKind.Technical, AlarmPriority.Medium, "NO SIGNAL"), (loss.Kind, loss.Priority, loss.Label));

        var resumed = RecordStream.Batches("dev-loss", "mitdb", "101", 5, 6, firstSequence: batches[^1].Sequence + 1);
        foreach (var batch in resumed) await device.SendAsync(batch);
        await console.WaitForAlarmAsync(a => a.Condition == "SignalLoss" && a.State == AlarmState.Resolved, AlarmWait);
        await device.DisposeAsync();
        await console.DisposeAsync();
    }

    [Fact]
    public async Task AWatchedPatientsLiveWaveformAndVitalsReachTheConsoleButNotAnotherCentresPatient()
    {
        var (device, console) = await StartAsync("live");
        await server.ProvisionAsync("pat-other", "dev-other", "centre-other");
        await console.Connection.InvokeAsync("WatchPatient", "pat-live");
        await Assert.ThrowsAsync<HubException>(() => console.Connection.InvokeAsync("WatchPatient", "pat-other"));

        var batches = RecordStream.Batches("dev-live", "mitdb", "119", 0, 12);
        foreach (var batch in batches) await device.SendAsync(batch);
        // Vitals go out at most once a second (server time): the burst above gave one, while the analysis was learning.
        await Task.Delay(1_100);
        var next = RecordStream.Batches("dev-live", "mitdb", "119", 12, 12.25, firstSequence: batches[^1].Sequence + 1, endUnixMs: batches[^1].FirstSampleTimeUnixMs + 500);
        await device.SendAsync(next[0]);
        batches.Add(next[0]);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (console.Waveforms.Count < batches.Count && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.Equal(batches.SelectMany(b => b.Samples), console.Waveforms.SelectMany(f => f.Samples));
        Assert.All(console.Waveforms, f => Assert.Equal(("pat-live", 360), (f.PatientId, f.SamplingRateHz)));
        deadline = DateTime.UtcNow.AddSeconds(5);
        while (!console.Vitals.Any(v => v.HeartRateBpm is not null) && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.Contains(console.Vitals, v => v.PatientId == "pat-live" && v.HeartRateBpm is > 40 and < 120 && v.RhythmLabel.Length > 0);
        await device.DisposeAsync();
        await console.DisposeAsync();
    }

    [Fact]
    public async Task AConsoleThatConnectsLaterReceivesTheActiveAlarms()
    {
        var (device, console) = await StartAsync("late");
        foreach (var batch in RecordStream.Batches("dev-late", "mitdb", "205", 270, 310)) await device.SendAsync(batch);
        await console.WaitForAlarmAsync(a => a.Condition == "VentricularTachycardia", AlarmWait);
        await console.DisposeAsync();

        var token = await server.RegisterCentreAsync("centre-late");
        await using var late = await CentreConsole.ConnectAsync(server.BaseAddress, token, messagePack: false);
        await late.WaitForAlarmAsync(a => a.Condition == "VentricularTachycardia" && a.PatientId == "pat-late", TimeSpan.FromSeconds(5));
        await device.DisposeAsync();
    }

    [Fact]
    public async Task TheStreamIsStoredAndReadBackExactly()
    {
        var (device, console) = await StartAsync("store");
        var batches = RecordStream.Batches("dev-store", "mitdb", "119", 60, 75);
        foreach (var batch in batches) await device.SendAsync(batch);

        // The device grain writes a quiet stream out after 2 s; the acknowledgement then reports it persisted.
        await server.WaitPersistedAsync("dev-store", batches[^1].Sequence);

        long from = batches[0].FirstSampleTimeUnixMs, to = batches[^1].FirstSampleTimeUnixMs + 250;
        var stored = await server.Operator.GetFromJsonAsync<WaveformDto>($"/api/patients/pat-store/waveform?from={from}&to={to}", TestJson.Options);
        short[] expected = [.. batches.SelectMany(b => b.Samples)];
        short[] actual = [.. stored!.Segments.SelectMany(s => s.Samples)];
        Assert.Equal(expected, actual);
        Assert.All(stored.Segments, s => Assert.Equal(batches[0].GainUnitsPerMv, s.GainUnitsPerMv));
        await device.DisposeAsync();
        await console.DisposeAsync();
    }

    [Fact]
    public async Task PacemakerPulsesTheDeviceReportsComeBackWithTheStoredWaveform()
    {
        // mitdb/107, a paced patient, whose device reports a pulse on each paced beat.
        var (device, console) = await StartAsync("paced");
        var batches = RecordStream.Batches("dev-paced", "mitdb", "107", 60, 75, pacePulseShiftMs: 0);
        foreach (var batch in batches) await device.SendAsync(batch);
        await server.WaitPersistedAsync("dev-paced", batches[^1].Sequence);

        long from = batches[0].FirstSampleTimeUnixMs, to = batches[^1].FirstSampleTimeUnixMs + 250;
        var stored = await server.Operator.GetFromJsonAsync<WaveformDto>($"/api/patients/pat-paced/waveform?from={from}&to={to}", TestJson.Options);
        // Each pulse as its time on the device clock, whatever segments the store cut the stream into.
        static long[] Times(IEnumerable<(long Start, int Rate, int[] Pulses)> parts) =>
            [.. parts.SelectMany(p => p.Pulses.Select(pulse => p.Start + (long)Math.Round(pulse * 1000.0 / p.Rate)))];
        long[] sent = Times(batches.Select(b => (b.FirstSampleTimeUnixMs, b.SamplingRateHz, b.PacePulses)));
        Assert.True(sent.Length >= 15, $"{sent.Length} pulses in 15 s of a paced record");
        long[] returned = Times(stored!.Segments.Select(s => (s.StartUnixMs, s.SamplingRateHz, s.PacePulses)));
        Assert.Equal(sent.Length, returned.Length);
        Assert.All(sent.Zip(returned), pair => Assert.InRange(pair.Second - pair.First, -2, 2));
        await device.DisposeAsync();
        await console.DisposeAsync();
    }

    private async Task<(Microsoft.AspNetCore.SignalR.Client.HubConnection Device, CentreConsole Console)> StartAsync(string name)
    {
        var (deviceToken, centreToken) = await server.ProvisionAsync("pat-" + name, "dev-" + name, "centre-" + name);
        var console = await CentreConsole.ConnectAsync(server.BaseAddress, centreToken);
        var device = await HubClients.ConnectDeviceAsync(server.BaseAddress, deviceToken);
        return (device, console);
    }


    internal sealed record WaveformDto(string PatientId, long FromUnixMs, long ToUnixMs, List<SegmentDto> Segments);

    internal sealed record SegmentDto(string DeviceId, long StartUnixMs, int SamplingRateHz, double GainUnitsPerMv, string[] Leads, short[] Samples, int[] PacePulses);
}
