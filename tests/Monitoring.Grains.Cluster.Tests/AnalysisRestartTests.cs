using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Devices;
using Monitoring.Contracts.Patients;
using Monitoring.Grains.Tests;

namespace Monitoring.Grains.Cluster.Tests;

/// <summary>
/// An alarm whose condition the analysis reported keeps waiting for its end; when the analysis starts afresh (a gap in
/// the stream, leads off, a failover), the new one must report the condition again or the alarm ends.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AnalysisRestartTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    private long Now => fixture.Clock.GetUtcNow().ToUnixTimeMilliseconds();

    [Fact]
    public async Task An_acknowledged_asystole_the_new_analysis_does_not_find_again_ends_and_the_next_standstill_is_alarmed()
    {
        var network = await CareNetwork.CreateAsync(Grains);
        string patientId = await network.AdmitVillagePatientAsync(Grains);
        string deviceId = $"{patientId}-device";
        var patient = Grains.GetGrain<IPatientGrain>(patientId);
        await patient.AttachDeviceAsync(deviceId);

        // mitdb/101 for 20 s, then 10 s of flat line: asystole, which the nurse acknowledges.
        var sinus = RecordBatches.From("mitdb", "101", 0, 20, device: deviceId).ToList();
        long sequence = sinus[^1].Sequence, time = Batches.Start + 20_000;
        foreach (DeviceBatch batch in sinus) await patient.IngestAsync(batch, Now, 0);
        foreach (DeviceBatch batch in Flat(deviceId, ref sequence, ref time, seconds: 10, sinus[^1].Samples[^1])) await patient.IngestAsync(batch, Now, 0);
        Alarm asystole = (await patient.GetActiveAlarmsAsync()).Single(a => a.Condition == "Asystole");
        await patient.AcknowledgeAlarmAsync(asystole.AlarmId, "nurse-1");

        // The device comes back after a 20-s gap with sinus rhythm: a new analysis, which never sees the standstill end.
        time += 20_000;
        var back = Shifted(RecordBatches.From("mitdb", "101", 30, 100, device: deviceId), ref sequence, ref time);
        bool first = true;
        foreach (DeviceBatch batch in back)
        {
            fixture.Clock.Advance(TimeSpan.FromMilliseconds(250));
            await patient.IngestAsync(batch, Now, first ? 20_000 : 0);
            first = false;
        }
        Assert.DoesNotContain(await patient.GetActiveAlarmsAsync(), a => a.AlarmId == asystole.AlarmId);

        // The next standstill raises a new asystole alarm (before, the acknowledged one stayed present and hid it).
        foreach (DeviceBatch batch in Flat(deviceId, ref sequence, ref time, seconds: 10, back[^1].Samples[^1])) await patient.IngestAsync(batch, Now, 0);
        Alarm next = (await patient.GetActiveAlarmsAsync()).Single(a => a.Condition == "Asystole");
        Assert.NotEqual(asystole.AlarmId, next.AlarmId);
        Assert.Equal(AlarmState.Active, next.State);
    }

    private static List<DeviceBatch> Flat(string deviceId, ref long sequence, ref long time, int seconds, short value)
    {
        var batches = new List<DeviceBatch>();
        for (int i = 0; i < seconds * 4; i++, time += 250)
            batches.Add(Batches.Make(++sequence, time, samplesPerLead: 90, rate: 360, device: deviceId, value: value));
        return batches;
    }

    private static List<DeviceBatch> Shifted(IEnumerable<DeviceBatch> batches, ref long sequence, ref long time)
    {
        var shifted = new List<DeviceBatch>();
        foreach (DeviceBatch b in batches)
        {
            shifted.Add(new DeviceBatch
            {
                DeviceId = b.DeviceId, Sequence = ++sequence, FirstSampleTimeUnixMs = time, SamplingRateHz = b.SamplingRateHz,
                GainUnitsPerMv = b.GainUnitsPerMv, Leads = b.Leads, Samples = b.Samples,
            });
            time += 250;
        }
        return shifted;
    }
}
