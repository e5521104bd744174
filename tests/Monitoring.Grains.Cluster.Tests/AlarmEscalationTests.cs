using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Centres;
using Monitoring.Contracts.Patients;
using Monitoring.Contracts.Devices;
using Monitoring.Grains.Alarms;
using Monitoring.Grains.Tests;

namespace Monitoring.Grains.Cluster.Tests;

/// <summary>
/// A patient's unacknowledged alarm escalates up the centre chain on the (fake) clock: ASYSTOLE (high priority)
/// found by the analysis in a real record followed by a flat line, and NO SIGNAL (medium), raised by the patient's
/// watch timer when the attached device sends nothing.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AlarmEscalationTests(ClusterFixture fixture)
{
    private static readonly TimeSpan HighEscalation = TimeSpan.FromSeconds(new AlarmPolicy().HighEscalationSeconds);
    private static readonly TimeSpan MediumEscalation = TimeSpan.FromSeconds(new AlarmPolicy().MediumEscalationSeconds);

    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task UnacknowledgedSignalLossEscalatesOneCentreUpPerEscalationTimeAndStopsWhenAcknowledged()
    {
        var network = await CareNetwork.CreateAsync(Grains);
        string patientId = await network.AdmitVillagePatientAsync(Grains);
        var patient = Grains.GetGrain<IPatientGrain>(patientId);
        await patient.AttachDeviceAsync($"{patientId}-device");

        fixture.Clock.Advance(TimeSpan.FromSeconds(new PatientAlarmSettings().SignalLossSeconds + 1));
        Alarm alarm = await WaitForAlarmAsync(patient, a => a.Condition == AlarmCatalog.SignalLoss, "NO SIGNAL");
        Assert.Equal(network.TownshipCentre, alarm.CentreId);
        Assert.Empty(alarm.Escalation);

        fixture.Clock.Advance(MediumEscalation - TimeSpan.FromSeconds(1));
        await Task.Delay(GrainWait.Settle);
        Assert.Empty((await patient.GetActiveAlarmsAsync()).Single().Escalation);

        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        alarm = await WaitForAlarmAsync(patient, a => a.Escalation.Count == 1, "escalation to the county");
        Assert.Equal(network.CountyCentre, alarm.Escalation[0].CentreId);
        // The patient's alarm shows the step as soon as it is taken; the centre's list follows once it is stored.
        string escalatedId = alarm.AlarmId;
        await GrainWait.UntilAsync(Grains.GetGrain<ICentreGrain>(network.CountyCentre).GetActiveAlarmsAsync,
            list => list.Any(a => a.AlarmId == escalatedId), "the county centre listing the escalated alarm");

        fixture.Clock.Advance(MediumEscalation);
        alarm = await WaitForAlarmAsync(patient, a => a.Escalation.Count == 2, "escalation to the city");
        Assert.Equal(network.CityCentre, alarm.Escalation[1].CentreId);

        await patient.AcknowledgeAlarmAsync(alarm.AlarmId, "nurse-town");
        fixture.Clock.Advance(MediumEscalation * 3);
        await Task.Delay(GrainWait.Settle);
        Alarm acknowledged = (await patient.GetActiveAlarmsAsync()).Single();
        Assert.Equal(AlarmState.Acknowledged, acknowledged.State);
        Assert.Equal(2, acknowledged.Escalation.Count);
        await GrainWait.UntilAsync(Grains.GetGrain<ICentreGrain>(network.CityCentre).GetActiveAlarmsAsync,
            list => list.All(a => a.AlarmId != escalatedId), "the city centre dropping the acknowledged alarm");
    }

    [Fact]
    public async Task AnAlarmWhosePushFailedIsStillRaisedAndEscalatesOnSchedule()
    {
        var network = await CareNetwork.CreateAsync(Grains);
        string patientId = await network.AdmitVillagePatientAsync(Grains);
        var patient = Grains.GetGrain<IPatientGrain>(patientId);
        await patient.AttachDeviceAsync($"{patientId}-device");

        // The NO SIGNAL push reaches no console; the consoles' comparison with the server lists it, and the escalation
        // must not depend on the push.
        fixture.Publisher.FailNextAlarmPush(patientId);
        fixture.Clock.Advance(TimeSpan.FromSeconds(new PatientAlarmSettings().SignalLossSeconds + 1));
        Alarm alarm = await WaitForAlarmAsync(patient, a => a.Condition == AlarmCatalog.SignalLoss, "NO SIGNAL");
        Assert.DoesNotContain(fixture.Publisher.Alarms(patientId), p => p.Alarm.AlarmId == alarm.AlarmId);
        await GrainWait.UntilAsync(Grains.GetGrain<ICentreGrain>(network.TownshipCentre).GetActiveAlarmsAsync,
            list => list.Any(a => a.AlarmId == alarm.AlarmId), "the township centre listing the alarm whose push failed");

        fixture.Clock.Advance(MediumEscalation);
        alarm = await WaitForAlarmAsync(patient, a => a.Escalation.Count == 1, "escalation to the county");
        Assert.Equal(network.CountyCentre, alarm.Escalation[0].CentreId);
        Assert.Contains(fixture.Publisher.Alarms(patientId), p => p.Alarm.AlarmId == alarm.AlarmId && p.Alarm.Escalation.Count == 1);
    }

    [Fact]
    public async Task UnacknowledgedAsystoleEscalatesEveryThirtySecondsUpToTheProvince()
    {
        var network = await CareNetwork.CreateAsync(Grains);
        string patientId = await network.AdmitVillagePatientAsync(Grains);
        string deviceId = $"{patientId}-device";
        var patient = Grains.GetGrain<IPatientGrain>(patientId);
        await patient.AttachDeviceAsync(deviceId);

        // mitdb/101 (sinus rhythm) for 20 s, then the line goes flat for 10 s.
        var beats = RecordBatches.From("mitdb", "101", 0, 20, device: deviceId).ToList();
        var flat = Enumerable.Range(1, 40).Select(i => Batches.Make(beats[^1].Sequence + i, Batches.Start + 20_000 + (i - 1) * 250L,
            samplesPerLead: 90, rate: 360, device: deviceId, value: beats[^1].Samples[^1]));
        foreach (DeviceBatch batch in beats.Concat(flat)) await patient.IngestAsync(batch, Now, 0);

        Alarm alarm = (await patient.GetActiveAlarmsAsync()).Single(a => a.Condition == "Asystole");
        Assert.Equal(AlarmPriority.High, alarm.Priority);
        Assert.Equal(Now + (long)HighEscalation.TotalMilliseconds, alarm.EscalationDueUnixMs);

        string[] upTheChain = [network.CountyCentre, network.CityCentre, network.ProvinceCentre];
        for (int level = 1; level <= upTheChain.Length; level++)
        {
            fixture.Clock.Advance(HighEscalation);
            alarm = await WaitForAlarmAsync(patient, a => a.AlarmId == alarm.AlarmId && a.Escalation.Count == level, $"escalation level {level}");
            Assert.Equal(upTheChain[level - 1], alarm.Escalation[^1].CentreId);
            Assert.Equal(Now, alarm.Escalation[^1].EscalatedUnixMs);
        }
        Assert.Null(alarm.EscalationDueUnixMs); // the province has it: nobody further up
    }

    [Fact]
    public async Task ALowDeviceBatteryIsATechnicalAlarmThatEndsWhenTheBatteryIsCharged()
    {
        var network = await CareNetwork.CreateAsync(Grains);
        string patientId = await network.AdmitVillagePatientAsync(Grains);
        string deviceId = $"{patientId}-device";
        var patient = Grains.GetGrain<IPatientGrain>(patientId);
        await patient.AttachDeviceAsync(deviceId);
        var batches = RecordBatches.From("mitdb", "101", 0, 6, device: deviceId).ToList();
        int[] battery = [20, 12, 10, 9, 14, 12, 16];
        var states = new List<bool>();
        for (int i = 0; i < batches.Count; i++)
        {
            DeviceBatch b = batches[i];
            var reported = new DeviceBatch
            {
                DeviceId = b.DeviceId, Sequence = b.Sequence, FirstSampleTimeUnixMs = b.FirstSampleTimeUnixMs, SamplingRateHz = b.SamplingRateHz,
                GainUnitsPerMv = b.GainUnitsPerMv, Leads = b.Leads, Samples = b.Samples, BatteryPercent = battery[Math.Min(i, battery.Length - 1)],
            };
            await patient.IngestAsync(reported, Now, 0);
            states.Add((await patient.GetActiveAlarmsAsync()).Any(a => a.Condition == AlarmCatalog.BatteryLow));
        }
        // Starts at 10 %, stays through 14 % and 12 % (hysteresis), ends above 15 %.
        Assert.Equal([false, false, true, true, true, true, false], states.Take(7));
        Alarm? low = (await Grains.GetGrain<IPatientGrain>(patientId).GetStatusAsync()).ActiveAlarms.FirstOrDefault(a => a.Condition == AlarmCatalog.BatteryLow);
        Assert.Null(low);
    }

    private long Now => fixture.Clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static async Task<Alarm> WaitForAlarmAsync(IPatientGrain patient, Func<Alarm, bool> match, string awaited)
    {
        var alarms = await GrainWait.UntilAsync(patient.GetActiveAlarmsAsync, list => list.Any(match), awaited);
        return alarms.Single(match);
    }
}
