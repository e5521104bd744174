using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Patients;
using Monitoring.Grains.Alarms;
using Orleans.Core.Internal;

namespace Monitoring.Grains.Cluster.Tests;

/// <summary>
/// While storage fails, a patient's alarms still reach the centres (a patient's alarm is never held back by a broken
/// log), the technical alarm ECG RECORDING FAILED says that records have a hole, and once storage is back the alarm
/// changes are stored and the technical alarm ends.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StorageOutageAlarmTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task An_alarm_raised_while_the_alarm_log_fails_is_pushed_at_once_and_stored_when_the_log_is_back()
    {
        var (network, patientId, patient) = await AdmitWithDeviceAsync();
        try
        {
            fixture.Journal.Failing = true;
            fixture.Clock.Advance(TimeSpan.FromSeconds(new PatientAlarmSettings().SignalLossSeconds + 1));

            await GrainWait.UntilAsync(() => Task.FromResult(fixture.Publisher.Alarms(patientId)),
                pushes => pushes.Any(p => p.Alarm.Condition == AlarmCatalog.SignalLoss) && pushes.Any(p => p.Alarm.Condition == AlarmCatalog.RecordingFailure),
                "NO SIGNAL and ECG RECORDING FAILED pushed while the log fails");
            var pushed = fixture.Publisher.Alarms(patientId);
            Assert.All(pushed, p => Assert.Equal([network.TownshipCentre, network.CountyCentre, network.CityCentre, network.ProvinceCentre], p.Centres));
            Assert.Equal(AlarmPriority.Low, pushed.First(p => p.Alarm.Condition == AlarmCatalog.RecordingFailure).Alarm.Priority);
            Assert.Empty(fixture.Journal.Entries(patientId));

            fixture.Journal.Failing = false;
            fixture.Clock.Advance(TimeSpan.FromSeconds(1)); // the watch timer retries the writes
            await GrainWait.UntilAsync(() => Task.FromResult(fixture.Journal.Entries(patientId)),
                entries => entries.Any(a => a.Condition == AlarmCatalog.SignalLoss)
                    && entries.Any(a => a.Condition == AlarmCatalog.RecordingFailure && a.State == AlarmState.Resolved),
                "the stored NO SIGNAL and the end of ECG RECORDING FAILED");
            Assert.Contains(fixture.Publisher.Alarms(patientId), p => p.Alarm.Condition == AlarmCatalog.RecordingFailure && p.Alarm.State == AlarmState.Resolved);
            var active = await patient.GetActiveAlarmsAsync();
            Assert.Contains(active, a => a.Condition == AlarmCatalog.SignalLoss);
            Assert.DoesNotContain(active, a => a.Condition == AlarmCatalog.RecordingFailure);
        }
        finally
        {
            fixture.Journal.Failing = false;
        }
    }

    [Fact]
    public async Task A_state_write_that_landed_though_its_answer_was_lost_is_taken_as_the_patients_own_and_the_alarms_go_on()
    {
        var (_, patientId, patient) = await AdmitWithDeviceAsync();
        try
        {
            // The audio pause is stored but its answer is lost, and the alarm log is out: the patient takes storage for
            // failing and says so; the write of that alarm meets an ETag it does not know (the landed write's).
            fixture.Journal.Failing = true;
            fixture.StorageFaults.LoseNextWriteAnswer(patient.GetGrainId());
            await patient.PauseAlarmAudioAsync("nurse-1");
            Assert.Contains(fixture.Publisher.Alarms(patientId), p => p.Alarm.Condition == AlarmCatalog.RecordingFailure && p.Alarm.State != AlarmState.Resolved);

            // The same activation goes on storing, so the end of the technical alarm reaches the centres. (When it took
            // the ETag for another activation's, it left, and the next activation, loaded from the landed write,
            // knew nothing of the alarm the centres were shown.)
            fixture.Journal.Failing = false;
            fixture.Clock.Advance(TimeSpan.FromSeconds(1));
            await GrainWait.UntilAsync(() => Task.FromResult(fixture.Publisher.Alarms(patientId)),
                pushes => pushes.Any(p => p.Alarm.Condition == AlarmCatalog.RecordingFailure && p.Alarm.State == AlarmState.Resolved),
                "the end of ECG RECORDING FAILED pushed");
            Assert.Contains(fixture.Journal.Entries(patientId), a => a.Condition == AlarmCatalog.RecordingFailure && a.State == AlarmState.Resolved);
            Assert.DoesNotContain(await patient.GetActiveAlarmsAsync(), a => a.Condition == AlarmCatalog.RecordingFailure);
        }
        finally
        {
            fixture.Journal.Failing = false;
        }
    }

    [Fact]
    public async Task Alarm_changes_left_unstored_by_an_outage_are_stored_when_the_patients_activation_ends()
    {
        var (_, patientId, patient) = await AdmitWithDeviceAsync();
        try
        {
            fixture.Journal.Failing = true;
            fixture.Clock.Advance(TimeSpan.FromSeconds(new PatientAlarmSettings().SignalLossSeconds + 1));
            await GrainWait.UntilAsync(() => Task.FromResult(fixture.Publisher.Alarms(patientId)),
                pushes => pushes.Any(p => p.Alarm.Condition == AlarmCatalog.SignalLoss), "NO SIGNAL pushed while the log fails");

            // Storage is back, but before the watch timer's next try the host shuts down (a rolling restart): the
            // activation's end stores what it still holds, which a fresh activation could never raise again.
            await Task.Delay(GrainWait.Settle); // the timer's ticks of the advanced clock are over
            fixture.Journal.Failing = false;
            Assert.Empty(fixture.Journal.Entries(patientId));
            await patient.Cast<IGrainManagementExtension>().DeactivateOnIdle();
            await GrainWait.UntilAsync(() => Task.FromResult(fixture.Journal.Entries(patientId)),
                entries => entries.Any(a => a.Condition == AlarmCatalog.SignalLoss), "NO SIGNAL in the alarm log after the activation ended");
        }
        finally
        {
            fixture.Journal.Failing = false;
        }
    }

    private async Task<(CareNetwork Network, string PatientId, IPatientGrain Patient)> AdmitWithDeviceAsync()
    {
        var network = await CareNetwork.CreateAsync(Grains);
        string patientId = await network.AdmitVillagePatientAsync(Grains);
        var patient = Grains.GetGrain<IPatientGrain>(patientId);
        await patient.AttachDeviceAsync($"{patientId}-device");
        return (network, patientId, patient);
    }

    [Fact]
    public async Task Failing_full_disclosure_writes_of_the_device_show_as_ECG_RECORDING_FAILED_until_they_work_again()
    {
        var network = await CareNetwork.CreateAsync(Grains);
        string patientId = await network.AdmitVillagePatientAsync(Grains);
        var patient = Grains.GetGrain<IPatientGrain>(patientId);

        await patient.NoteRecordingAsync(false);
        Alarm failed = Assert.Single(await patient.GetActiveAlarmsAsync(), a => a.Condition == AlarmCatalog.RecordingFailure);
        Assert.Equal(AlarmKind.Technical, AlarmCatalog.For(failed.Condition).Kind);

        await patient.NoteRecordingAsync(true);
        Assert.DoesNotContain(await patient.GetActiveAlarmsAsync(), a => a.Condition == AlarmCatalog.RecordingFailure);
        Assert.Contains(fixture.Journal.Entries(patientId), a => a.Condition == AlarmCatalog.RecordingFailure && a.State == AlarmState.Resolved);
    }
}
