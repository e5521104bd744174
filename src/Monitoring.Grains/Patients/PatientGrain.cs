using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Storage;
using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Centres;
using Monitoring.Contracts.Devices;
using Monitoring.Contracts.Live;
using Monitoring.Contracts.Network;
using Monitoring.Contracts.Patients;
using Monitoring.Contracts.Waveforms;
using Monitoring.Grains.Alarms;
using Monitoring.Grains.Live;
using Monitoring.Grains.Network;
using Monitoring.Grains.Persistence;
using Monitoring.Grains.Scheduling;
using Monitoring.Grains.Telemetry;

namespace Monitoring.Grains.Patients;

/// <summary>
/// A patient under monitoring: runs the analysis on the attached device's stream, raises, stores and pushes alarms
/// (pushed while they are stored; while storage fails, pushed all the same and stored once it is back, with the
/// technical alarm ECG RECORDING FAILED), streams the live waveform and vitals to the responsible centre, and raises
/// signal loss when the device goes quiet or its stream has a gap. Alarm deadlines (escalation one tier up, the end
/// of an audio pause) run on a grain timer armed from the persisted alarms, and a reminder wakes the grain after a
/// restart while any deadline is pending, so that an escalation is neither lost nor repeated.
/// </summary>
public sealed class PatientGrain(
    [PersistentState("patient", StorageNames.State)] IPersistentState<PatientState> state,
    IAlarmJournal journal,
    IMonitoringPublisher publisher,
    AlarmPolicy policy,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    ILogger<PatientGrain> logger) : Grain, IPatientGrain, IRemindable
{
    private const string DeadlineReminderName = "alarm-deadlines";

    private static readonly TimeSpan WatchPeriod = TimeSpan.FromSeconds(1);
    private const long VitalsPeriodMs = 1000;

    private readonly List<AnalysisEvent> _events = [];
    private readonly ActivationStateWriter<PatientState> _stateWriter = new(state);
    private AlarmTracker _alarms = null!;
    private PatientAnalysis? _analysis;
    private IGrainTimer? _watch;
    private DurableDeadline _deadlines = null!;
    private long _lastArrivalUnixMs, _lastVitalsUnixMs;

    // Where the batch being analysed starts (device time), and where the batch was in which alarm changes first could
    // not be stored (null while everything is stored): see IngestReceipt.
    private long _batchStartUnixMs;
    private long? _alarmsUnstoredFromUnixMs;
    private bool _leadsOff;

    /// <summary>True until this activation starts its first analysis, which takes over from the last activation's.</summary>
    private bool _firstAnalysis = true;

    /// <summary>
    /// How much of the stream a resumed analysis reads first: its detector, beat templates and rhythm history fill up.
    /// Measured with loadtests/Monitoring.FailoverReplay (README): each of 30, 60, 120 and 300 s brings a resumed
    /// analysis closer to an uninterrupted one (asystole/VF/VT onsets missed: 127, 116, 99, 75 of 367; from scratch 183).
    /// 300 s costs a read of about 30 stored segments and, at the benchmarked 20 M samples/s, 4-8 ms of analysis (250-500
    /// Hz), once per activation.
    /// </summary>
    private static readonly TimeSpan ResumeHistory = TimeSpan.FromSeconds(300);

    /// <summary>Alarm changes pushed but not yet in the journal (storage failing); the watch timer retries them.</summary>
    private readonly List<Alarm> _unstored = [];
    private bool _stateUnsaved, _alarmsNotRecorded, _ecgNotRecorded;

    private string PatientId => this.GetPrimaryKeyString();
    private PatientState State => state.State;
    private string? CentreId => State.Admission?.CentreId;
    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _alarms = new AlarmTracker(PatientId, State.Alarms, policy);
        _deadlines = new DurableDeadline(this, clock, DeadlineReminderName, TimeSpan.FromSeconds(policy.ReminderSeconds), HandleDeadlinesAsync);
        if (State.DeviceId is not null) StartWatching();
        // ECG RECORDING FAILED of an earlier activation ends: storage has just answered, and the device says again
        // if it still cannot record.
        if (_alarms.IsPresent(AlarmCatalog.RecordingFailure)) await UpdateRecordingFailureAsync();
        // Deadlines that passed while no host ran the grain are handled now; the rest re-arm the timer.
        await HandleDeadlinesAsync(cancellationToken);
    }

    /// <summary>
    /// A graceful end (shutdown, rebalancing, idle) stores what a storage outage left unsaved. A lost host cannot;
    /// for that case the next activation's resumed analysis raises again what is still going on.
    /// </summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_stateUnsaved) await TryStoreAsync();
    }

    public async Task AdmitAsync(PatientAdmission admission)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(admission.FacilityId);
        var (path, chain) = await CentreChain.ResolveAsync(GrainFactory, admission.FacilityId);
        int responsible = string.IsNullOrEmpty(admission.CentreId) ? 0 : chain.ToList().FindIndex(link => link.CentreId == admission.CentreId);
        if (chain.Count == 0) throw new ArgumentException($"No monitoring centre watches facility {admission.FacilityId} or any facility above it.");
        if (responsible < 0) throw new ArgumentException($"Centre {admission.CentreId} does not supervise facility {admission.FacilityId}.");

        PatientAdmission? previous = State.Admission;
        State.Admission = admission with { CentreId = chain[responsible].CentreId };
        State.FacilityPath = [.. path];
        State.CentreChain = [.. chain.Skip(responsible)];
        await _stateWriter.WriteAsync();
        if (previous is not null) await LeaveAsync(previous);
        await GrainFactory.GetGrain<IFacilityGrain>(State.Admission.FacilityId).AddPatientAsync(PatientId);
        await GrainFactory.GetGrain<ICentreGrain>(State.Admission.CentreId).AddPatientAsync(PatientId);
    }

    public async Task DischargeAsync()
    {
        await DetachDeviceAsync();
        if (State.Admission is { } admission) await LeaveAsync(admission);
        State.Admission = null;
        await _stateWriter.WriteAsync();
    }

    /// <summary>Takes the patient off the lists of the facility and centre of an earlier admission.</summary>
    private async Task LeaveAsync(PatientAdmission admission)
    {
        if (admission.FacilityId != State.Admission?.FacilityId)
            await GrainFactory.GetGrain<IFacilityGrain>(admission.FacilityId).RemovePatientAsync(PatientId);
        if (admission.CentreId != State.Admission?.CentreId)
            await GrainFactory.GetGrain<ICentreGrain>(admission.CentreId).RemovePatientAsync(PatientId);
    }

    public async Task AttachDeviceAsync(string deviceId)
    {
        if (State.Admission is null) throw new InvalidOperationException($"Patient {PatientId} is not admitted.");
        if (State.DeviceId == deviceId) return;
        if (State.DeviceId is { } previous) await GrainFactory.GetGrain<IDeviceGrain>(previous).AttachAsync(null);
        await GrainFactory.GetGrain<IDeviceGrain>(deviceId).AttachAsync(PatientId);
        State.DeviceId = deviceId;
        await _stateWriter.WriteAsync();
        _analysis = null;
        _lastArrivalUnixMs = Now;
        StartWatching();
    }

    public async Task DetachDeviceAsync()
    {
        if (State.DeviceId is not { } deviceId) return;
        await GrainFactory.GetGrain<IDeviceGrain>(deviceId).AttachAsync(null);
        State.DeviceId = null;
        _analysis = null;
        _watch?.Dispose();
        _watch = null;
        // Without a device there is no signal to lose: end the technical alarms that belonged to it.
        await ApplyAsync([new AnalysisEvent(AlarmCatalog.SignalLoss, false, Now, default), new AnalysisEvent(AlarmCatalog.LeadsOff, false, Now, default)], Now);
        await _stateWriter.WriteAsync();
    }

    public async Task<IngestReceipt> IngestAsync(DeviceBatch batch, long arrivedUnixMs, long gapBeforeMs)
    {
        _batchStartUnixMs = batch.FirstSampleTimeUnixMs;
        await AnalyseAsync(batch, arrivedUnixMs, gapBeforeMs);
        return _alarmsUnstoredFromUnixMs is null ? IngestReceipt.AllStored : new IngestReceipt(_alarmsUnstoredFromUnixMs);
    }

    private async Task AnalyseAsync(DeviceBatch batch, long arrivedUnixMs, long gapBeforeMs)
    {
        if (State.Admission is null || batch.DeviceId != State.DeviceId)
        {
            logger.LogWarning("A patient grain ignored a batch of device {DeviceId}, which is not attached to it.", batch.DeviceId);
            return;
        }
        long now = Now;
        _lastArrivalUnixMs = arrivedUnixMs;
        // Samples this analysis has taken already (a resent batch): it goes on from where it is.
        if (_analysis is not null && gapBeforeMs == 0 && _analysis.Accepts(batch) && _analysis.HasAnalysed(batch)) return;
        _events.Clear();
        if (_alarms.IsPresent(AlarmCatalog.SignalLoss))
            _events.Add(new AnalysisEvent(AlarmCatalog.SignalLoss, false, batch.FirstSampleTimeUnixMs, default));
        else if (gapBeforeMs >= State.Settings.SignalLossSeconds * 1000)
            NoteClosedSignalLoss(batch.FirstSampleTimeUnixMs, gapBeforeMs);

        // The analysis needs one unbroken stream: a gap or a new format starts it afresh. So do samples that never
        // reached it (a batch whose delivery was given up), but the stream went on: the new one reads what it missed.
        bool resume = _firstAnalysis && gapBeforeMs == 0;
        if (_analysis is not null && (gapBeforeMs > 0 || !_analysis.Accepts(batch))) _analysis = null;
        else if (_analysis is not null && _analysis.Misses(batch))
        {
            _analysis = null;
            resume = true;
        }

        NoteBattery(batch);
        bool leadsOff = IsAnalysisLeadOff(batch);
        if (leadsOff != _leadsOff)
        {
            _leadsOff = leadsOff;
            _events.Add(new AnalysisEvent(AlarmCatalog.LeadsOff, leadsOff, batch.FirstSampleTimeUnixMs, default));
            _analysis = null;
            // The stream's past holds a loose electrode: nothing to resume from.
            _firstAnalysis = resume = false;
        }
        if (!leadsOff)
        {
            if (_analysis is null)
            {
                // What the previous analysis reported is not known to go on: this one must report it again.
                _alarms.AnalysisRestarted(PatientAnalysis.Conditions, batch.FirstSampleTimeUnixMs, now);
                _analysis = resume ? await ResumeAnalysisAsync(batch) : new PatientAnalysis(batch, State.Settings);
                _firstAnalysis = false;
            }
            using (MonitoringMetrics.MeasureAnalysis()) _analysis.Process(batch, _events);
        }

        await ApplyAsync(_events, arrivedUnixMs);
        await publisher.PublishWaveformAsync(new WaveformFrame
        {
            PatientId = PatientId,
            FirstSampleUnixMs = batch.FirstSampleTimeUnixMs,
            SamplingRateHz = batch.SamplingRateHz,
            GainUnitsPerMv = batch.GainUnitsPerMv,
            Leads = batch.Leads,
            Samples = batch.Samples,
            PacePulses = batch.PacePulses ?? [],
        });
        if (now - _lastVitalsUnixMs >= VitalsPeriodMs) await PublishVitalsAsync(now);
    }

    /// <summary>
    /// A new analysis of a stream that did not break, where an earlier one stopped (this activation's first: the last
    /// host was lost or restarted; or samples that missed it): it reads the last <see cref="ResumeHistory"/> before the
    /// batch from the device first (<see cref="PatientAnalysis.Resume"/>), so that it knows the patient's beats and
    /// rhythm as the lost one did instead of learning from scratch, and finds again what the lost one found. Stored
    /// samples keep the pacemaker pulses the device reported, so a paced patient's analysis resumes as well.
    /// </summary>
    private async Task<PatientAnalysis> ResumeAnalysisAsync(DeviceBatch batch)
    {
        if (State.DeviceId is not { } deviceId) return new PatientAnalysis(batch, State.Settings);
        long started = Stopwatch.GetTimestamp();
        try
        {
            long to = batch.FirstSampleTimeUnixMs;
            RecentStream recent = await GrainFactory.GetGrain<IDeviceGrain>(deviceId).ReadRecentAsync(to - (long)ResumeHistory.TotalMilliseconds, to);
            TimeSpan read = Stopwatch.GetElapsedTime(started);
            List<WaveformSegment> history = PatientAnalysis.LeadingUpTo(recent.Segments, batch);
            if (history.Count == 0)
            {
                MonitoringMetrics.RecordResume("no_history", read);
                return new PatientAnalysis(batch, State.Settings);
            }
            // Stored samples count as analysed by the lost analysis, except from a batch whose hand-over was given up.
            long settledUntil = Math.Min(recent.HeldFromUnixMs, recent.NotAnalysedFromUnixMs ?? long.MaxValue);
            PatientAnalysis resumed = PatientAnalysis.Resume(history, settledUntil, batch, State.Settings, _events);
            TimeSpan took = Stopwatch.GetElapsedTime(started);
            MonitoringMetrics.RecordResume("resumed", took);
            logger.LogInformation("Patient {PatientId}: analysis resumed after {Seconds:F1} s of the stream's recent past ({Held:F1} s not stored yet) in {Ms:F0} ms ({ReadMs:F0} ms reading).",
                PatientId, (to - history[0].StartUnixMs) / 1000.0, (to - Math.Max(recent.HeldFromUnixMs, history[0].StartUnixMs)) / 1000.0, took.TotalMilliseconds, read.TotalMilliseconds);
            return resumed;
        }
        catch (Exception e)
        {
            MonitoringMetrics.RecordResume("read_failed", Stopwatch.GetElapsedTime(started));
            logger.LogWarning(e, "Patient {PatientId}: the stream's recent past could not be read; the analysis starts afresh.", PatientId);
            return new PatientAnalysis(batch, State.Settings);
        }
    }

    /// <summary>A gap long enough to be signal loss, found only when data came back: recorded as an alarm that started and ended.</summary>
    private void NoteClosedSignalLoss(long resumedUnixMs, long gapMs)
    {
        var evidence = new AlarmEvidence(IntervalMs: gapMs);
        _events.Add(new AnalysisEvent(AlarmCatalog.SignalLoss, true, resumedUnixMs - gapMs, evidence));
        _events.Add(new AnalysisEvent(AlarmCatalog.SignalLoss, false, resumedUnixMs, evidence));
    }

    /// <summary>
    /// Device battery, when the device reports it: a technical alarm at or below 10 %, ended above 15 % (the
    /// hysteresis keeps a battery hovering at the limit from toggling it).
    /// </summary>
    private void NoteBattery(DeviceBatch batch)
    {
        if (batch.BatteryPercent < 0) return;
        bool present = _alarms.IsPresent(AlarmCatalog.BatteryLow);
        if (!present && batch.BatteryPercent <= AlarmCatalog.BatteryLowPercent)
            _events.Add(new AnalysisEvent(AlarmCatalog.BatteryLow, true, batch.FirstSampleTimeUnixMs, default));
        else if (present && batch.BatteryPercent > AlarmCatalog.BatteryRecoveredPercent)
            _events.Add(new AnalysisEvent(AlarmCatalog.BatteryLow, false, batch.FirstSampleTimeUnixMs, default));
    }

    private static bool IsAnalysisLeadOff(DeviceBatch batch) =>
        (batch.LeadsOffMask & (1 << PatientAnalysis.AnalysisLeadIndex(batch.Leads))) != 0;

    public Task NoteRecordingAsync(bool recording)
    {
        _ecgNotRecorded = !recording;
        return UpdateRecordingFailureAsync();
    }

    public async Task UpdateAlarmSettingsAsync(PatientAlarmSettings settings)
    {
        PatientSettingsRules.Validate(settings);
        State.Settings = settings;
        await _stateWriter.WriteAsync();
        _analysis = null; // the analysis takes the new limits from the next batch
    }

    public Task<PatientStatus> GetStatusAsync() => Task.FromResult(new PatientStatus
    {
        PatientId = PatientId,
        Admitted = State.Admission is not null,
        Admission = State.Admission,
        DeviceId = State.DeviceId,
        HeartRateBpm = _analysis?.HeartRateBpm,
        RhythmLabel = RhythmLabel(),
        Settings = State.Settings,
        ActiveAlarms = [.. _alarms.Active],
        FacilityPath = [.. State.FacilityPath],
        CentreChain = [.. State.CentreChain],
        AudioPausedUntilUnixMs = _alarms.AudioPausedUntilUnixMs,
        Host = RuntimeIdentity,
    });

    public Task<IReadOnlyList<Alarm>> GetActiveAlarmsAsync() => Task.FromResult<IReadOnlyList<Alarm>>([.. _alarms.Active]);

    /// <summary>Turns condition changes into alarm changes.</summary>
    private Task ApplyAsync(IReadOnlyList<AnalysisEvent> events, long evidenceArrivedUnixMs)
    {
        if (events.Count == 0 && !_alarms.AwaitsConfirmation) return Task.CompletedTask;
        long now = Now;
        bool canEscalate = State.CentreChain.Count > 1;
        var changes = new List<Alarm>();
        foreach (AnalysisEvent e in events)
        {
            Alarm? change = e.Onset
                ? _alarms.Onset(e.Condition, CentreId, e.AtUnixMs, e.Evidence, evidenceArrivedUnixMs, now, canEscalate)
                : _alarms.Offset(e.Condition, e.AtUnixMs, now);
            if (change is not null) changes.Add(change);
        }
        _alarms.EndUnconfirmed(now, (long)(policy.AnalysisRestartGraceSeconds * 1000), changes);
        _alarms.RaiseUncovered(CentreId, now, canEscalate, changes);
        return StoreAndPushAsync(changes);
    }

    public async Task<Alarm?> AcknowledgeAlarmAsync(string alarmId, string userId)
    {
        long now = Now;
        Alarm? change = _alarms.Acknowledge(alarmId, userId, now);
        if (change is null) return null;
        var changes = new List<Alarm> { change };
        // Resetting a latched extreme rate alarm uncovers a milder one still going on.
        _alarms.RaiseUncovered(CentreId, now, State.CentreChain.Count > 1, changes);
        await StoreAndPushAsync(changes);
        return change;
    }

    public async Task<IReadOnlyList<Alarm>> PauseAlarmAudioAsync(string userId)
    {
        long now = Now;
        var changes = _alarms.PauseAudio(now + (long)(policy.AudioPauseSeconds * 1000), now);
        logger.LogInformation("Alarm audio of patient grain paused by user {UserId}.", userId);
        await StoreAndPushAsync(changes, stateChanged: true);
        return changes;
    }

    public async Task<Alarm?> ReportEscalationAsync(string alarmId, string centreId, EscalationReport report, string? userId)
    {
        Alarm? change = _alarms.RecordEscalation(alarmId, centreId, report, userId, Now);
        if (change is null) return null;
        await StoreAndPushAsync([change]);
        // A decline sends the alarm on up at once.
        if (report == EscalationReport.Declined) await HandleDeadlinesAsync(CancellationToken.None);
        return change;
    }

    /// <summary>
    /// Stores alarm changes (journal and grain state at the same time) and, while the writes are under way, pushes
    /// each to every centre that sees the patient: a slow or throttled write must not hold an alarm back from the
    /// central station (a failed one is retried every second). The call ends after both, so a later call (an
    /// acknowledgement) finds the change stored or queued for retry. Then keeps the escalated centres' lists in step
    /// and re-arms the deadlines.
    /// </summary>
    private async Task StoreAndPushAsync(IReadOnlyList<Alarm> changes, bool stateChanged = false)
    {
        if (changes.Count == 0 && !stateChanged) return;
        _unstored.AddRange(changes);
        _stateUnsaved = true;
        Task<bool> storing = TryStoreAsync();
        bool stored;
        try
        {
            string[] centres = [.. State.CentreChain.Select(link => link.CentreId)];
            foreach (Alarm alarm in changes) await PushAsync(alarm, centres);
        }
        finally
        {
            stored = await storing;
            if (!stored)
            {
                StartWatching(); // its timer retries the writes
                if (_batchStartUnixMs > 0) _alarmsUnstoredFromUnixMs ??= _batchStartUnixMs;
            }
        }
        long storedAt = Now;
        foreach (Alarm alarm in changes) MonitoringMetrics.CountAlarm(alarm, storedAt);
        try
        {
            foreach (Alarm alarm in changes) await UpdateEscalatedCentresAsync(alarm);
            await ArmDeadlinesAsync();
        }
        catch (Exception e) when (!stored && e is not InconsistentStateException)
        {
            // The escalation timer is armed before its reminder is registered, so escalation goes on in this
            // activation; the centres' lists and the reminder catch up with the next change once storage is back.
            logger.LogWarning(e, "Patient {PatientId}: escalation bookkeeping not stored (storage failing).", PatientId);
        }
        if (_alarmsNotRecorded != !stored)
        {
            _alarmsNotRecorded = !stored;
            await UpdateRecordingFailureAsync();
        }
    }

    /// <summary>
    /// Pushes an alarm change to the centres' consoles. A failed push (the SignalR backplane unreachable, say) must not
    /// stop the other pushes or the escalation bookkeeping: the change is stored, and each console compares its alarm
    /// board with the server's list every 10 s, which brings the change in.
    /// </summary>
    private async Task PushAsync(Alarm alarm, string[] centres)
    {
        try
        {
            await publisher.PublishAlarmAsync(alarm, centres);
            MonitoringMetrics.RecordAlarmPushed(alarm, Now);
        }
        catch (Exception e)
        {
            MonitoringMetrics.CountAlarmPushFailure();
            logger.LogWarning(e, "Patient {PatientId}: alarm {AlarmId} ({Condition}, version {Version}) not pushed; the consoles get it from the server's list.",
                PatientId, alarm.AlarmId, alarm.Condition, alarm.Version);
        }
    }

    /// <summary>
    /// Writes the grain state and the alarm changes not yet in the journal. A storage outage must not hold an alarm
    /// back from the centres: on failure the changes stay queued (journal writes are idempotent) and the watch timer
    /// tries again every second. An ETag conflict is not an outage: see below.
    /// </summary>
    private async Task<bool> TryStoreAsync()
    {
        try
        {
            await Task.WhenAll(_stateWriter.WriteAsync(), _unstored.Count > 0 ? journal.AppendAsync([.. _unstored]) : Task.CompletedTask);
            _unstored.Clear();
            _stateUnsaved = false;
            _alarmsUnstoredFromUnixMs = null;
            return true;
        }
        catch (InconsistentStateException e)
        {
            // Another activation wrote the stored state (a write of ours whose answer was lost is not this: the
            // state writer makes it again). This activation can never save its state again, so a fresh one loads
            // what is stored; the alarm log still gets the changes (its writes are idempotent, and they are not part
            // of the grain state).
            logger.LogWarning(e, "Patient {PatientId}: the stored state changed under this activation; deactivating it.", PatientId);
            DeactivateOnIdle();
            _stateUnsaved = false;
            try
            {
                await journal.AppendAsync([.. _unstored]);
                _unstored.Clear();
                _alarmsUnstoredFromUnixMs = null;
                return true;
            }
            catch (Exception journalError)
            {
                logger.LogWarning(journalError, "Patient {PatientId}: {Count} alarm changes not in the alarm log.", PatientId, _unstored.Count);
                return false;
            }
        }
        catch (Exception e)
        {
            MonitoringMetrics.CountAlarmStoreFailure();
            logger.LogWarning(e, "Patient {PatientId}: {Count} alarm changes not stored yet (storage failing); pushed all the same, retried every second.", PatientId, _unstored.Count);
            return false;
        }
    }

    /// <summary>ECG RECORDING FAILED lasts while the device's full-disclosure writes or this grain's alarm writes fail.</summary>
    private Task UpdateRecordingFailureAsync()
    {
        bool failing = _ecgNotRecorded || _alarmsNotRecorded;
        if (failing == _alarms.IsPresent(AlarmCatalog.RecordingFailure)) return Task.CompletedTask;
        long now = Now;
        return ApplyAsync([new AnalysisEvent(AlarmCatalog.RecordingFailure, failing, now, default)], now);
    }

    /// <summary>A centre an alarm was escalated to lists it until it is acknowledged, resolved, or declined there.</summary>
    private async Task UpdateEscalatedCentresAsync(Alarm alarm)
    {
        bool over = alarm.State is AlarmState.Acknowledged or AlarmState.Resolved;
        foreach (EscalationStep step in alarm.Escalation)
        {
            var centre = GrainFactory.GetGrain<ICentreGrain>(step.CentreId);
            if (over || step.Response == EscalationResponse.Declined) await centre.RemoveEscalatedAlarmAsync(alarm.AlarmId);
            else await centre.AddEscalatedAlarmAsync(alarm.AlarmId, PatientId);
        }
    }

    /// <summary>Escalates what is due and ends an audio pause that is over.</summary>
    private async Task HandleDeadlinesAsync(CancellationToken cancellationToken)
    {
        long now = Now;
        var changes = _alarms.EndAudioPauseIfOver(now);
        changes.AddRange(_alarms.EscalateDue(State.CentreChain, now));
        foreach (Alarm alarm in changes)
        {
            if (alarm.Escalation.Count > 0 && alarm.Escalation[^1].EscalatedUnixMs == now)
                MonitoringMetrics.CountEscalation(alarm.Priority);
        }
        if (changes.Count > 0) await StoreAndPushAsync(changes);
        else await ArmDeadlinesAsync();
    }

    private Task ArmDeadlinesAsync(bool releaseIdleReminder = false) =>
        _deadlines.ArmAsync(_alarms.NextDeadline(), State.DeadlineReminder, SaveDeadlineReminderAsync, releaseIdleReminder);

    private Task SaveDeadlineReminderAsync(bool registered)
    {
        State.DeadlineReminder = registered;
        return _stateWriter.WriteAsync();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != DeadlineReminderName) return;
        await HandleDeadlinesAsync(CancellationToken.None);
        await ArmDeadlinesAsync(releaseIdleReminder: true);
    }

    private Task PublishVitalsAsync(long now)
    {
        _lastVitalsUnixMs = now;
        return publisher.PublishVitalsAsync(CentreId, new VitalsUpdate
        {
            PatientId = PatientId,
            AtUnixMs = now,
            HeartRateBpm = _analysis?.HeartRateBpm,
            RhythmLabel = RhythmLabel(),
            ActiveAlarms = _alarms.Active.Count,
        });
    }

    /// <summary>What the tile shows as rhythm: the most urgent active condition, else whether the analysis has a rate yet.</summary>
    private string RhythmLabel()
    {
        Alarm? top = null;
        foreach (Alarm alarm in _alarms.Active)
        {
            if (alarm.State is AlarmState.Active or AlarmState.AudioPaused or AlarmState.Acknowledged && (top is null || alarm.Priority > top.Priority)) top = alarm;
        }
        if (top is not null) return top.Label;
        if (State.DeviceId is null) return "NO DEVICE";
        return _analysis?.HeartRateBpm is null ? "LEARNING" : "NO ARRHYTHMIA";
    }

    /// <summary>Checks every second that the attached device still sends; the timer keeps an admitted patient's grain alive.</summary>
    private void StartWatching()
    {
        if (_lastArrivalUnixMs == 0) _lastArrivalUnixMs = Now;
        _watch ??= this.RegisterGrainTimer(WatchAsync, new GrainTimerCreationOptions(WatchPeriod, WatchPeriod) { KeepAlive = true });
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        if (_stateUnsaved && await TryStoreAsync() && _alarmsNotRecorded)
        {
            _alarmsNotRecorded = false;
            await UpdateRecordingFailureAsync();
        }
        long now = Now;
        long silentMs = now - _lastArrivalUnixMs;
        if (State.DeviceId is null || silentMs < State.Settings.SignalLossSeconds * 1000 || _alarms.IsPresent(AlarmCatalog.SignalLoss)) return;
        _analysis = null;
        await ApplyAsync([new AnalysisEvent(AlarmCatalog.SignalLoss, true, _lastArrivalUnixMs, new AlarmEvidence(IntervalMs: silentMs))], now);
        await PublishVitalsAsync(now);
    }
}
