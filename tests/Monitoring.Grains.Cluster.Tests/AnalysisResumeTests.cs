using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Devices;
using Monitoring.Contracts.Patients;
using Monitoring.Grains.Devices;
using Monitoring.Grains.Tests;
using Monitoring.Grains.Waveforms;
using Orleans.Core.Internal;

namespace Monitoring.Grains.Cluster.Tests;

/// <summary>
/// A patient's activation that is lost (its host died, or it was moved) takes its analysis with it. The next
/// activation resumes it from the stream's recent past, which the device grain reads from storage and from what it
/// holds, instead of learning the patient from scratch; and it does not analyse a resent batch twice.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AnalysisResumeTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    private long Now => fixture.Clock.GetUtcNow().ToUnixTimeMilliseconds();

    private MemoryFullDisclosureStore Store => (MemoryFullDisclosureStore)fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IFullDisclosureStore>();

    /// <summary>mitdb/205 from 4:30; the reference annotates ventricular tachycardia from 4:58.8 (28.8 s in) to 5:01.8.</summary>
    private const double From = 270, VentricularTachycardiaAt = 298.8;

    [Fact]
    public async Task An_analysis_lost_just_before_a_run_of_vt_is_resumed_and_the_vt_is_alarmed()
    {
        var (patientId, device, batches) = await StreamingPatientAsync(to: 310);
        int beforeVt = BatchesBefore(batches, VentricularTachycardiaAt - 1.5);
        foreach (DeviceBatch batch in batches.Take(beforeVt)) await SendAsync(device, batch);

        // The patient's activation goes, 1.5 s before the run: a new analysis from there, learning from scratch, takes
        // the run's wide beats for the patient's own.
        await Grains.GetGrain<IPatientGrain>(patientId).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Task.Delay(GrainWait.Settle);
        foreach (DeviceBatch batch in batches.Skip(beforeVt)) await SendAsync(device, batch);

        var vt = fixture.Publisher.Alarms(patientId).Select(p => p.Alarm).FirstOrDefault(a => a.Condition == "VentricularTachycardia");
        Assert.True(vt is not null, $"no V-TACH after the activation was lost; alarms: {string.Join(", ", fixture.Publisher.Alarms(patientId).Select(p => p.Alarm.Label))}");
        double onsetSeconds = From + (vt.OnsetUnixMs - Batches.Start) / 1000.0;
        Assert.InRange(onsetSeconds, VentricularTachycardiaAt - 0.5, VentricularTachycardiaAt + 2);
    }

    [Fact]
    public async Task A_paced_patients_analysis_resumes_with_the_pacemaker_pulses_it_stored()
    {
        // mitdb/217, a paced patient (paced beats among his own in atrial fibrillation), whose device reports a
        // pacemaker pulse on each paced beat; from 20:00. The analysis that is never lost raises RUN PVCs at 22:30.1.
        // Lost 10 s before, a new analysis learning from scratch (as paced patients had before their stored samples
        // kept the pulses) calls the run's start a couplet at 22:26.2 and the run nothing (FailoverReplay, --from 1200).
        const double PacedFrom = 1200, LossAt = 1340, RunAt = 1350.15;
        var (patientId, device, batches) = await StreamingPatientAsync(to: 1370, record: "217", from: PacedFrom, paced: true);
        int beforeLoss = batches.FindIndex(b => b.FirstSampleTimeUnixMs >= Batches.Start + (long)((LossAt - PacedFrom) * 1000));
        foreach (DeviceBatch batch in batches.Take(beforeLoss)) await SendAsync(device, batch);

        await Grains.GetGrain<IPatientGrain>(patientId).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Task.Delay(GrainWait.Settle);
        foreach (DeviceBatch batch in batches.Skip(beforeLoss)) await SendAsync(device, batch);

        var run = fixture.Publisher.Alarms(patientId).Select(p => p.Alarm).FirstOrDefault(a => a.Condition == "PvcRun" && a.OnsetUnixMs >= Batches.Start + (long)((LossAt - PacedFrom) * 1000));
        Assert.True(run is not null, $"no RUN PVCs after the activation was lost; alarms: {string.Join(", ", fixture.Publisher.Alarms(patientId).Select(p => $"{p.Alarm.Label} at {PacedFrom + (p.Alarm.OnsetUnixMs - Batches.Start) / 1000.0:F1} s"))}");
        Assert.InRange(PacedFrom + (run.OnsetUnixMs - Batches.Start) / 1000.0, RunAt - 1, RunAt + 1);
    }

    [Fact]
    public async Task An_alarm_pushed_and_never_stored_by_a_lost_activation_is_raised_again_by_the_next()
    {
        var (patientId, device, batches) = await StreamingPatientAsync(to: 310);
        var patient = Grains.GetGrain<IPatientGrain>(patientId);
        int sent = BatchesBefore(batches, VentricularTachycardiaAt - 1.5);
        foreach (DeviceBatch batch in batches.Take(sent)) await SendAsync(device, batch);

        // Storage goes; the V-TACH alarm is pushed and cannot be stored; then the activation is lost with it (its end
        // cannot store it either). The consoles have the alarm, the stored patient does not.
        await LostWhileItsStorageFailsAsync(patient, async () =>
        {
            while (sent < batches.Count && !fixture.Publisher.Alarms(patientId).Any(p => p.Alarm.Condition == "VentricularTachycardia"))
                await SendAsync(device, batches[sent++]);
            Assert.True(sent < batches.Count, "no V-TACH pushed before the activation was lost");
        });

        // The next activation resumes from the samples the device grain still holds, the run's among them.
        foreach (DeviceBatch batch in batches.Skip(sent)) await SendAsync(device, batch);
        var alarms = await patient.GetActiveAlarmsAsync();
        Alarm? vt = alarms.FirstOrDefault(a => a.Condition == "VentricularTachycardia");
        Assert.True(vt is not null, $"the next activation has no V-TACH; it has: {string.Join(", ", alarms.Select(a => a.Label))}");
        Assert.InRange(From + (vt.OnsetUnixMs - Batches.Start) / 1000.0, VentricularTachycardiaAt - 0.5, VentricularTachycardiaAt + 2);
        await GrainWait.UntilAsync(() => Task.FromResult(fixture.Journal.Entries(patientId)),
            entries => entries.Any(a => a.Condition == "VentricularTachycardia"), "V-TACH in the alarm log");
    }

    [Fact]
    public async Task An_alarm_whose_samples_were_stored_while_the_alarm_log_failed_is_raised_again_after_the_activation_is_lost()
    {
        var (patientId, device, batches) = await StreamingPatientAsync(to: 330);
        var patient = Grains.GetGrain<IPatientGrain>(patientId);
        int sent = BatchesBefore(batches, VentricularTachycardiaAt - 1.5);
        foreach (DeviceBatch batch in batches.Take(sent)) await SendAsync(device, batch);

        // The patient's storage fails, full disclosure works: the V-TACH is pushed, cannot be stored, and ends; the
        // device grain stores the run's samples; then the activation is lost with the alarm.
        await LostWhileItsStorageFailsAsync(patient, async () =>
        {
            int until = BatchesBefore(batches, 322);
            while (sent < until) await SendAsync(device, batches[sent++]);
            Assert.Contains(fixture.Publisher.Alarms(patientId), p => p.Alarm.Condition == "VentricularTachycardia");
            StoredThrough? stored = await Store.ReadStoredThroughAsync(patientId, device.GetPrimaryKeyString(), 0, Now);
            Assert.True(stored?.EndUnixMs > Batches.Start + (long)((VentricularTachycardiaAt + 10 - From) * 1000), "the run's samples are not stored");
        });

        // The next activation resumes over the stored run, and reports what it finds from where the alarms stopped
        // being stored, not only what is still going on.
        foreach (DeviceBatch batch in batches.Skip(sent)) await SendAsync(device, batch);
        await GrainWait.UntilAsync(() => Task.FromResult(fixture.Journal.Entries(patientId)),
            entries => entries.Any(a => a.Condition == "VentricularTachycardia"), "V-TACH in the alarm log");
    }

    [Fact]
    public async Task Batches_resent_to_a_running_analysis_are_not_analysed_again()
    {
        var (patientId, device, batches) = await StreamingPatientAsync(to: 305);
        foreach (DeviceBatch batch in batches) await SendAsync(device, batch);
        var patient = Grains.GetGrain<IPatientGrain>(patientId);
        Assert.Contains(await patient.GetActiveAlarmsAsync(), a => a.Condition == "VentricularTachycardia");
        int pushed = fixture.Publisher.Alarms(patientId).Count;

        // The device grain's host is lost: its new activation takes the batches not yet stored again from the device,
        // runs of VT among them. Analysed again as if they were new, they would be found again, 15 s late.
        foreach (DeviceBatch batch in batches.Skip(BatchesBefore(batches, 290))) await patient.IngestAsync(batch, Now, 0);
        Assert.Equal(pushed, fixture.Publisher.Alarms(patientId).Count);
    }

    [Fact]
    public async Task A_batch_the_patient_failed_to_take_is_still_accepted_and_handed_over_again_before_the_next()
    {
        var (patientId, device, batches) = await StreamingPatientAsync(to: 305);
        // The call handing over the batch that starts the V-TACH alarm fails after it ran (its answer is lost): the
        // device's batch is accepted all the same (it is stored), and it goes to the analysis again, before the next.
        var patient = Grains.GetGrain<IPatientGrain>(patientId);
        fixture.FailingCalls.FailOnceAfter(patient.GetGrainId(), nameof(IPatientGrain.IngestAsync),
            () => fixture.Publisher.Alarms(patientId).Any(p => p.Alarm.Condition == "VentricularTachycardia"));
        foreach (DeviceBatch batch in batches) await SendAsync(device, batch);

        Assert.Contains(await patient.GetActiveAlarmsAsync(), a => a.Condition == "VentricularTachycardia");
        Assert.Single(fixture.Publisher.Alarms(patientId), p => p.Alarm.Condition == "VentricularTachycardia" && p.Alarm.IsRaise);
    }

    [Fact]
    public async Task A_batch_given_up_and_already_stored_is_analysed_by_the_next_analysis()
    {
        // The device sends 4:56 to 5:06 as one 10-s batch (it caught up after a network gap): mitdb/205's VT run at
        // 4:58.8-5:01.8 lies inside it. The batch fills a full-disclosure segment, which is stored at once. Its
        // hand-over to the patient fails three times (the patient's host unreachable) and is given up. The next batch
        // resumes the analysis. Before, the stored batch counted as analysed: of it, only what was still going on at
        // its end was reported, and the run, over by then, never raised V-TACH.
        var (patientId, device, _, rest) = await CaughtUpBatchAheadAsync();
        var patient = Grains.GetGrain<IPatientGrain>(patientId);
        fixture.FailingCalls.FailNextBeforeRunning(patient.GetGrainId(), nameof(IPatientGrain.IngestAsync), times: 3);
        foreach (DeviceBatch batch in rest) await SendAsync(device, batch);

        AssertVentricularTachycardiaInTheRun(patientId);
    }

    [Fact]
    public async Task A_batch_given_up_is_analysed_after_the_device_grains_host_is_lost()
    {
        // As above, the 10-s batch holding the VT run is stored and its hand-over given up; the hand-over of the next
        // batch fails too. Then the host of both grains is lost before the next try: the device grain's end cannot
        // save its state (as when a host dies), and the patient's analysis goes. The device sends again what storage
        // has not acknowledged. Before, where the given-up batch starts was known only to the lost activation: the new
        // analysis counted the stored batch as analysed, and the run never raised V-TACH.
        var (patientId, device, sent, rest) = await CaughtUpBatchAheadAsync();
        var patient = Grains.GetGrain<IPatientGrain>(patientId);
        fixture.FailingCalls.FailNextBeforeRunning(patient.GetGrainId(), nameof(IPatientGrain.IngestAsync), times: 4);
        BatchAck? lastAck = null;
        foreach (DeviceBatch batch in rest.Take(3)) lastAck = await SendAsync(device, batch); // tries 1-3 of the 10-s batch, then the next one's first
        fixture.Clock.Advance(TimeSpan.FromSeconds(10)); // the server's clock catches up with the samples the device caught up with
        fixture.StorageFaults.Unreach(device.GetGrainId());
        try
        {
            await device.Cast<IGrainManagementExtension>().DeactivateOnIdle();
            await patient.Cast<IGrainManagementExtension>().DeactivateOnIdle();
            await Task.Delay(GrainWait.Settle);
        }
        finally
        {
            fixture.StorageFaults.Reach(device.GetGrainId());
        }

        // The device keeps what was not acknowledged as stored, and sends it again, oldest first.
        foreach (DeviceBatch batch in sent.Concat(rest).Where(b => b.Sequence > lastAck!.PersistedThroughSequence))
        {
            fixture.Clock.Advance(TimeSpan.FromMilliseconds(250));
            Assert.Contains((await device.AcceptBatchAsync(batch)).Status, new[] { BatchStatus.Accepted, BatchStatus.Duplicate });
        }

        AssertVentricularTachycardiaInTheRun(patientId);
    }

    [Fact]
    public async Task A_new_activation_does_not_take_storages_watermark_across_a_batch_storage_lacks()
    {
        // A rolling restart lost a batch so: two activations of the device grain ran at once, one holding batch 21
        // unwritten while the other stored 22. The next activation took storage's newest batch, 22, as persisted; the
        // device, told so, let go of 21, and the batch 21 it sent again was dropped as a duplicate.
        var (patientId, device, batches) = await StreamingPatientAsync(to: From + 10);
        foreach (DeviceBatch batch in batches.Take(20)) await SendAsync(device, batch);
        await device.Cast<IGrainManagementExtension>().DeactivateOnIdle();   // writes 1-20 and saves that watermark
        await Task.Delay(GrainWait.Settle);
        await Store.WriteAsync(patientId, SegmentBuffer.Single(device.GetPrimaryKeyString(), batches[21]));   // 22, by the other activation

        BatchAck ack = await SendAsync(device, batches[20]);   // 21, which the device still holds

        Assert.Equal(20, ack.PersistedThroughSequence);
        await SendAsync(device, batches[21]);
        await device.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Task.Delay(GrainWait.Settle);
        StoredThrough? stored = await Store.ReadStoredThroughAsync(patientId, device.GetPrimaryKeyString(), 0, Now);
        Assert.Equal(1, stored?.RunFromSequence);
    }

    [Fact]
    public async Task The_first_analysis_after_a_device_is_attached_does_not_read_storage()
    {
        // It resumes from the stream's recent past, which cannot be stored yet: at a fleet's start-up every patient's
        // first batch used to cost a storage read for nothing.
        var (patientId, device, batches) = await StreamingPatientAsync(to: From + 5);
        foreach (DeviceBatch batch in batches) await SendAsync(device, batch);
        Assert.Equal(0, Store.ReadsOf(patientId));
    }

    [Fact]
    public async Task The_acknowledgement_does_not_pass_a_batch_that_went_astray_and_the_device_is_asked_to_send_it_again()
    {
        // Batch 21's call failed, or went to a second activation of the device grain while the cluster changed, after
        // later ones had arrived here. The device still keeps it: told that storage holds everything up to the newest
        // written segment, it would let it go for good.
        var (patientId, device, batches) = await StreamingPatientAsync(to: From + 20);
        var acks = new List<BatchAck>();
        foreach (DeviceBatch batch in batches.Where(b => b.Sequence != 21)) acks.Add(await SendAsync(device, batch));
        Assert.True(acks.Count(a => a.PersistedThroughSequence > 0) > 0, "no segment written");   // 1-20, closed by the gap

        Assert.All(acks, a => Assert.True(a.PersistedThroughSequence <= 20, $"batch {a.Sequence}'s answer says persisted through {a.PersistedThroughSequence}"));
        Assert.True(acks.Any(a => a.ResendFromSequence == 21), string.Join(" ", acks.Select(a => $"{a.Sequence}:{a.PersistedThroughSequence}/{a.ResendFromSequence}")));

        BatchAck late = await SendAsync(device, batches[20]);
        Assert.Equal(0, late.ResendFromSequence);
        Assert.True(late.PersistedThroughSequence > 21, $"persisted through {late.PersistedThroughSequence} once 21 came");
        await device.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Task.Delay(GrainWait.Settle);
        StoredThrough? stored = await Store.ReadStoredThroughAsync(patientId, device.GetPrimaryKeyString(), 0, Now);
        Assert.Equal((1L, batches[^1].Sequence), (stored?.RunFromSequence, stored?.Sequence));
    }

    /// <summary>
    /// Runs <paramref name="streaming"/> while the patient's storage (alarm log and grain state) fails, then loses the
    /// patient's activation, which cannot store its alarms on the way out either; V-TACH is then in no alarm log.
    /// </summary>
    private async Task LostWhileItsStorageFailsAsync(IPatientGrain patient, Func<Task> streaming)
    {
        fixture.Journal.Failing = true;
        fixture.StorageFaults.Unreach(patient.GetGrainId());
        try
        {
            await streaming();
            await patient.Cast<IGrainManagementExtension>().DeactivateOnIdle();
            await Task.Delay(GrainWait.Settle);
        }
        finally
        {
            fixture.Journal.Failing = false;
            fixture.StorageFaults.Reach(patient.GetGrainId());
        }
        Assert.DoesNotContain(fixture.Journal.Entries(patient.GetPrimaryKeyString()), a => a.Condition == "VentricularTachycardia");
    }

    /// <summary>
    /// A patient streaming mitdb/205 until 4:56, whose device then catches up after a network gap: it will send 4:56 to
    /// 5:06, which holds the VT run, as one 10-s batch (the first of <c>Later</c>), then 250-ms batches again.
    /// </summary>
    private async Task<(string PatientId, IDeviceGrain Device, List<DeviceBatch> Sent, List<DeviceBatch> Later)> CaughtUpBatchAheadAsync()
    {
        var (patientId, device, batches) = await StreamingPatientAsync(to: 312);
        int from = BatchesBefore(batches, 296), to = BatchesBefore(batches, 306);
        foreach (DeviceBatch batch in batches.Take(from)) await SendAsync(device, batch);
        List<DeviceBatch> rest = [Joined(batches[from..to]), .. batches.Skip(to).Select(b => Renumbered(b, b.Sequence - (to - from - 1)))];
        return (patientId, device, batches[..from], rest);
    }

    private void AssertVentricularTachycardiaInTheRun(string patientId)
    {
        var vt = fixture.Publisher.Alarms(patientId).Select(p => p.Alarm).FirstOrDefault(a => a.Condition == "VentricularTachycardia");
        double? onsetSeconds = vt is null ? null : From + (vt.OnsetUnixMs - Batches.Start) / 1000.0;
        Assert.True(onsetSeconds is >= VentricularTachycardiaAt - 0.5 and <= VentricularTachycardiaAt + 2,
            $"no V-TACH for the run in the given-up batch; alarms: {string.Join(", ", fixture.Publisher.Alarms(patientId).Select(p => $"{p.Alarm.Label} at {From + (p.Alarm.OnsetUnixMs - Batches.Start) / 1000.0:F1} s"))}");
    }

    /// <summary>Consecutive batches as one.</summary>
    private static DeviceBatch Joined(List<DeviceBatch> batches) =>
        Renumbered(batches[0], batches[0].Sequence, [.. batches.SelectMany(b => b.Samples)]);

    private static DeviceBatch Renumbered(DeviceBatch batch, long sequence, short[]? samples = null) => new()
    {
        DeviceId = batch.DeviceId,
        Sequence = sequence,
        FirstSampleTimeUnixMs = batch.FirstSampleTimeUnixMs,
        SamplingRateHz = batch.SamplingRateHz,
        GainUnitsPerMv = batch.GainUnitsPerMv,
        Leads = batch.Leads,
        Samples = samples ?? batch.Samples,
    };

    /// <summary>A patient streaming a mitdb record from <paramref name="from"/>; a paced one's device reports a pulse on each paced beat.</summary>
    private async Task<(string PatientId, IDeviceGrain Device, List<DeviceBatch> Batches)> StreamingPatientAsync(double to, string record = "205",
        double from = From, bool paced = false)
    {
        var network = await CareNetwork.CreateAsync(Grains);
        string patientId = await network.AdmitVillagePatientAsync(Grains);
        string deviceId = $"{patientId}-device";
        var device = Grains.GetGrain<IDeviceGrain>(deviceId);
        await device.RegisterAsync(DeviceKind.WearablePatch);
        var patient = Grains.GetGrain<IPatientGrain>(patientId);
        if (paced) await patient.UpdateAlarmSettingsAsync(new PatientAlarmSettings { Paced = true });
        await patient.AttachDeviceAsync(deviceId);
        return (patientId, device, [.. RecordBatches.From("mitdb", record, from, to, device: deviceId, pacePulseShiftMs: paced ? 0 : null)]);
    }

    private async Task<BatchAck> SendAsync(IDeviceGrain device, DeviceBatch batch)
    {
        fixture.Clock.Advance(TimeSpan.FromMilliseconds(250));
        BatchAck ack = await device.AcceptBatchAsync(batch);
        Assert.Equal(BatchStatus.Accepted, ack.Status);
        return ack;
    }

    private static int BatchesBefore(List<DeviceBatch> batches, double recordSeconds) =>
        batches.FindIndex(b => b.FirstSampleTimeUnixMs >= Batches.Start + (long)((recordSeconds - From) * 1000));
}
