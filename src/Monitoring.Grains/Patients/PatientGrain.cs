using Microsoft.Extensions.Logging;
using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Centres;
using Monitoring.Contracts.Devices;
using Monitoring.Contracts.Live;
using Monitoring.Contracts.Patients;
using Monitoring.Grains.Alarms;
using Monitoring.Grains.Live;
using Monitoring.Grains.Telemetry;

namespace Monitoring.Grains.Patients;

/// <summary>
/// A patient under monitoring: runs the analysis on the attached device's stream, raises, stores and pushes alarms
/// (stored first, then pushed), streams the live waveform and vitals to the responsible centre, and raises
/// signal loss when the device goes quiet or its stream has a gap.
/// </summary>
public sealed class PatientGrain(
    [PersistentState("patient", StorageNames.State)] IPersistentState<PatientState> state,
    IAlarmJournal journal,
    IMonitoringPublisher publisher,
    TimeProvider clock,
    ILogger<PatientGrain> logger) : Grain, IPatientGrain
{
    private static readonly TimeSpan WatchPeriod = TimeSpan.FromSeconds(1);
    private const long VitalsPeriodMs = 1000;

    private readonly List<AnalysisEvent> _events = [];
    private AlarmTracker _alarms = null!;
    private PatientAnalysis? _analysis;
    private IGrainTimer? _watch;
    private long _lastArrivalUnixMs, _lastVitalsUnixMs;
    private bool _leadsOff;

    private string PatientId => this.GetPrimaryKeyString();
    private PatientState State => state.State;
    private string? CentreId => State.Admission?.CentreId;
    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _alarms = new AlarmTracker(PatientId, State.Alarms);
        if (State.DeviceId is not null) StartWatching();
        return Task.CompletedTask;
    }

    public async Task AdmitAsync(PatientAdmission admission)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(admission.CentreId);
        string? previousCentre = CentreId;
        State.Admission = admission;
        await state.WriteStateAsync();
        if (previousCentre is not null && previousCentre != admission.CentreId)
            await GrainFactory.GetGrain<ICentreGrain>(previousCentre).RemovePatientAsync(PatientId);
        await GrainFactory.GetGrain<ICentreGrain>(admission.CentreId).AddPatientAsync(PatientId);
    }

    public async Task DischargeAsync()
    {
        await DetachDeviceAsync();
        if (CentreId is { } centre) await GrainFactory.GetGrain<ICentreGrain>(centre).RemovePatientAsync(PatientId);
        State.Admission = null;
        await state.WriteStateAsync();
    }

    public async Task AttachDeviceAsync(string deviceId)
    {
        if (State.Admission is null) throw new InvalidOperationException($"Patient {PatientId} is not admitted.");
        if (State.DeviceId == deviceId) return;
        if (State.DeviceId is { } previous) await GrainFactory.GetGrain<IDeviceGrain>(previous).AttachAsync(null);
        await GrainFactory.GetGrain<IDeviceGrain>(deviceId).AttachAsync(PatientId);
        State.DeviceId = deviceId;
        await state.WriteStateAsync();
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
        await state.WriteStateAsync();
    }

    public async Task IngestAsync(DeviceBatch batch, long arrivedUnixMs, long gapBeforeMs)
    {
        if (State.Admission is null || batch.DeviceId != State.DeviceId)
        {
            logger.LogWarning("Patient {PatientId} ignored a batch of device {DeviceId}, which is not attached to it.", PatientId, batch.DeviceId);
            return;
        }
        long now = Now;
        _lastArrivalUnixMs = arrivedUnixMs;
        _events.Clear();
        if (_alarms.IsActive(AlarmCatalog.SignalLoss))
            _events.Add(new AnalysisEvent(AlarmCatalog.SignalLoss, false, batch.FirstSampleTimeUnixMs, default));
        else if (gapBeforeMs >= State.Settings.SignalLossSeconds * 1000)
            NoteClosedSignalLoss(batch.FirstSampleTimeUnixMs, gapBeforeMs);

        // The analysis needs one unbroken stream: a gap or a new format starts it afresh.
        if (_analysis is not null && (gapBeforeMs > 0 || !_analysis.Accepts(batch))) _analysis = null;

        bool leadsOff = IsAnalysisLeadOff(batch);
        if (leadsOff != _leadsOff)
        {
            _leadsOff = leadsOff;
            _events.Add(new AnalysisEvent(AlarmCatalog.LeadsOff, leadsOff, batch.FirstSampleTimeUnixMs, default));
            _analysis = null;
        }
        if (!leadsOff)
        {
            using (MonitoringMetrics.MeasureAnalysis())
            {
                _analysis ??= new PatientAnalysis(batch, State.Settings);
                _analysis.Process(batch, _events);
            }
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
        });
        if (now - _lastVitalsUnixMs >= VitalsPeriodMs) await PublishVitalsAsync(now);
    }

    /// <summary>A gap long enough to be signal loss, found only when data came back: recorded as an alarm that started and ended.</summary>
    private void NoteClosedSignalLoss(long resumedUnixMs, long gapMs)
    {
        var evidence = new AlarmEvidence(IntervalMs: gapMs);
        _events.Add(new AnalysisEvent(AlarmCatalog.SignalLoss, true, resumedUnixMs - gapMs, evidence));
        _events.Add(new AnalysisEvent(AlarmCatalog.SignalLoss, false, resumedUnixMs, evidence));
    }

    private static bool IsAnalysisLeadOff(DeviceBatch batch) =>
        (batch.LeadsOffMask & (1 << PatientAnalysis.AnalysisLeadIndex(batch.Leads))) != 0;

    public async Task UpdateAlarmSettingsAsync(PatientAlarmSettings settings)
    {
        PatientSettingsRules.Validate(settings);
        State.Settings = settings;
        await state.WriteStateAsync();
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
    });

    public Task<IReadOnlyList<Alarm>> GetActiveAlarmsAsync() => Task.FromResult<IReadOnlyList<Alarm>>([.. _alarms.Active]);

    /// <summary>Turns condition changes into alarm changes: stored (journal, then grain state) before they are pushed.</summary>
    private async Task ApplyAsync(IReadOnlyList<AnalysisEvent> events, long evidenceArrivedUnixMs)
    {
        if (events.Count == 0) return;
        long now = Now;
        var changes = new List<Alarm>();
        foreach (AnalysisEvent e in events)
        {
            Alarm? change = e.Onset
                ? _alarms.Onset(e.Condition, CentreId, e.AtUnixMs, e.Evidence, evidenceArrivedUnixMs, now)
                : _alarms.Offset(e.Condition, e.AtUnixMs);
            if (change is not null) changes.Add(change);
        }
        if (changes.Count == 0) return;
        // Both stores are written before anything is pushed; they do not depend on each other, so at the same time.
        var writes = new List<Task>(changes.Count + 1) { state.WriteStateAsync() };
        foreach (Alarm alarm in changes) writes.Add(journal.AppendAsync(alarm));
        await Task.WhenAll(writes);
        long stored = Now;
        foreach (Alarm alarm in changes)
        {
            MonitoringMetrics.CountAlarm(alarm, stored);
            await publisher.PublishAlarmAsync(alarm);
        }
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
            if (alarm.State == AlarmState.Active && (top is null || alarm.Priority > top.Priority)) top = alarm;
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
        long now = Now;
        long silentMs = now - _lastArrivalUnixMs;
        if (State.DeviceId is null || silentMs < State.Settings.SignalLossSeconds * 1000 || _alarms.IsActive(AlarmCatalog.SignalLoss)) return;
        _analysis = null;
        await ApplyAsync([new AnalysisEvent(AlarmCatalog.SignalLoss, true, _lastArrivalUnixMs, new AlarmEvidence(IntervalMs: silentMs))], now);
        await PublishVitalsAsync(now);
    }
}
