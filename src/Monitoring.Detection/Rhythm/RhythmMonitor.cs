using Monitoring.Detection.Qrs;

namespace Monitoring.Detection.Rhythm;

/// <summary>
/// Rate and pause alarm conditions of one patient's ECG, from the beats of the QRS detector:
/// <list type="bullet">
/// <item><see cref="RhythmCondition.Pause"/>: no QRS for longer than the pause threshold; it ends with the next QRS.</item>
/// <item><see cref="RhythmCondition.Asystole"/>: no QRS for the asystole delay; it ends with the next QRS.</item>
/// <item>Bradycardia and tachycardia and their extreme forms: the heart rate of the completed RR intervals
/// (<see cref="HeartRateMeter.BeatsPerMinute"/>, checked once a second) outside the patient's limits for the
/// validation delay (<see cref="RateLimitValidation"/>), dated to the first check beyond the limit. Only the most
/// severe of them is active at a time; none starts or ends during a pause, and asystole ends it.</item>
/// </list>
/// Beats reach the monitor late (up to the detector's latency, later when search-back may still find one), so the
/// monitor judges the stream only up to the detector's <see cref="QrsDetector.Watermark"/>, and dates a pause or
/// asystole back to where its threshold was crossed. The start of monitoring counts as a beat, so a flat line from
/// the start is asystole too. While ventricular fibrillation is declared (<see cref="OnVentricularFibrillation{TSink}"/>)
/// there is no asystole or pause: the missing or erratic QRS of fibrillation are not cardiac standstill, and the
/// fibrillation alarm is the one that applies (as vendors define asystole: no QRS and no VF). While the signal is
/// unreadable (<see cref="OnSignalArtifact{TSink}"/>) none of the conditions is judged. Complexes found in the trace
/// of a defibrillation shock (<see cref="OnShockArtifact"/>) are not QRS complexes for asystole. Allocation-free.
/// </summary>
public sealed class RhythmMonitor
{
    // Complexes kept to find the last one before a shock's trace, which is known about 1.5 s after the step.
    private const int RecentBeats = 16;

    private readonly RhythmAlarmSettings _settings;
    private readonly int _samplingRateHz;
    private readonly long _pauseThreshold, _asystoleDelay;
    private readonly long _startSample;
    private long _lastBeat;
    private long _standstillFrom;   // the last complex that counts for asystole (none in a shock's trace)
    private long _shockStart = -1, _shockEnd = -1;
    private long _asystoleEnd;
    private readonly long[] _recentStandstillBeats = new long[RecentBeats];
    private int _recentNext, _recentCount;
    private long _nextRateCheck;
    private bool _pause, _asystole, _fibrillation, _artifact;
    private long _fibrillationEnd, _artifactEnd;
    private RhythmCondition? _rateCondition;
    private long _rateConditionChangedAt;
    private readonly RateLimitValidation _rateValidation;

    public RhythmMonitor(int samplingRateHz, RhythmAlarmSettings? settings = null, long startSample = 0)
    {
        _settings = settings ?? RhythmAlarmSettings.Default;
        _settings.Validate();
        _samplingRateHz = samplingRateHz;
        _pauseThreshold = Samples(_settings.PauseThresholdSeconds);
        _asystoleDelay = Samples(_settings.AsystoleDelaySeconds);
        _rateValidation = new RateLimitValidation(_settings);
        HeartRate = new HeartRateMeter(samplingRateHz);
        _startSample = _lastBeat = _standstillFrom = startSample;
        _nextRateCheck = startSample + samplingRateHz;
    }

    public RhythmAlarmSettings Settings => _settings;

    public HeartRateMeter HeartRate { get; }

    /// <summary>
    /// A QRS at <paramref name="sampleIndex"/>: ends a pause or asystole in progress. In a shock's trace
    /// (<see cref="OnShockArtifact"/>) it ends and resets a pause, not asystole.
    /// </summary>
    public void OnBeat<TSink>(long sampleIndex, ref TSink sink) where TSink : IRhythmSink
    {
        if (sampleIndex <= _lastBeat) return;
        long interval = sampleIndex - _lastBeat;
        if (!InShockTrace(sampleIndex))
        {
            if (_asystole)
            {
                _asystole = false;
                _asystoleEnd = sampleIndex;
                sink.OnRhythmEvent(new RhythmEvent(RhythmCondition.Asystole, false, sampleIndex, null, sampleIndex - _standstillFrom));
            }
            _standstillFrom = sampleIndex;
            _recentStandstillBeats[_recentNext] = sampleIndex;
            _recentNext = (_recentNext + 1) % RecentBeats;
            _recentCount = Math.Min(_recentCount + 1, RecentBeats);
        }
        if (_pause)
        {
            _pause = false;
            sink.OnRhythmEvent(new RhythmEvent(RhythmCondition.Pause, false, sampleIndex, null, interval));
        }
        _lastBeat = sampleIndex;
        HeartRate.OnBeat(sampleIndex);
    }

    /// <summary>
    /// A defibrillation shock left its trace from <paramref name="traceStart"/> to <paramref name="traceEnd"/> (see
    /// <see cref="Quality.ShockArtifactDetector"/>, which knows it only at its end): the complexes found there, the
    /// step itself and kinks of the amplifier's recovery, are not QRS complexes, so asystole is counted from the last
    /// complex before it. A pause still counts them: a step taken for a shock must not make a pause of the beats
    /// around it.
    /// </summary>
    public void OnShockArtifact(long traceStart, long traceEnd)
    {
        _shockStart = traceStart;
        _shockEnd = traceEnd;
        if (_standstillFrom < traceStart) return;
        long from = _startSample;
        for (int ago = 1; ago <= _recentCount; ago++)
        {
            long beat = _recentStandstillBeats[(_recentNext - ago + RecentBeats) % RecentBeats];
            if (beat >= traceStart) continue;
            from = beat;
            break;
        }
        _standstillFrom = from;
    }

    private bool InShockTrace(long sampleIndex) => sampleIndex >= _shockStart && sampleIndex < _shockEnd;

    /// <summary>
    /// A complex reported as a beat was judged noise afterwards: the heart rate takes it back. Pause and asystole,
    /// judged on time since the last complex, are left as they are (taking a complex back could only lengthen a gap
    /// already passed).
    /// </summary>
    public void OnNoiseComplex(long sampleIndex) => HeartRate.Retract(sampleIndex);

    /// <summary>
    /// Ventricular fibrillation declared (<paramref name="active"/>) or ended at <paramref name="sampleIndex"/>. Its
    /// onset ends asystole and pause; after its end they are judged again, from its end at the earliest.
    /// </summary>
    public void OnVentricularFibrillation<TSink>(bool active, long sampleIndex, ref TSink sink) where TSink : IRhythmSink
    {
        if (active == _fibrillation) return;
        _fibrillation = active;
        if (!active)
        {
            _fibrillationEnd = sampleIndex;
            return;
        }
        EndStandstill(sampleIndex, ref sink);
    }

    /// <summary>
    /// The signal became unreadable (<paramref name="active"/>: a technical condition, see
    /// <see cref="Quality.SignalQualityMonitor"/>) or readable again at <paramref name="sampleIndex"/>. Its onset
    /// ends asystole, pause and the rate conditions, which are not judged while it lasts; after its end a whole pause
    /// or asystole delay must pass again before they are declared, since what happened meanwhile cannot be known.
    /// </summary>
    public void OnSignalArtifact<TSink>(bool active, long sampleIndex, ref TSink sink) where TSink : IRhythmSink
    {
        if (active == _artifact) return;
        _artifact = active;
        if (!active)
        {
            _artifactEnd = sampleIndex;
            return;
        }
        EndStandstill(sampleIndex, ref sink);
        SetRateCondition(null, sampleIndex, HeartRate.BeatsPerMinute, ref sink);
    }

    private void EndStandstill<TSink>(long sampleIndex, ref TSink sink) where TSink : IRhythmSink
    {
        if (_asystole)
        {
            _asystoleEnd = sampleIndex;
            sink.OnRhythmEvent(new RhythmEvent(RhythmCondition.Asystole, false, sampleIndex, null, sampleIndex - _standstillFrom));
        }
        if (_pause) sink.OnRhythmEvent(new RhythmEvent(RhythmCondition.Pause, false, sampleIndex, null, sampleIndex - _lastBeat));
        _asystole = _pause = false;
    }

    /// <summary>
    /// Brings the conditions up to <paramref name="watermark"/>: every beat before it has been passed to
    /// <see cref="OnBeat{TSink}"/> (with the QRS detector, its <see cref="QrsDetector.Watermark"/> after each chunk).
    /// </summary>
    public void AdvanceTo<TSink>(long watermark, ref TSink sink) where TSink : IRhythmSink
    {
        bool judged = !_fibrillation && !_artifact;
        long since = Math.Max(_lastBeat, _artifactEnd);
        if (judged && !_pause && watermark - since > _pauseThreshold)
        {
            _pause = true;
            long onset = Math.Max(since + _pauseThreshold, _fibrillationEnd);
            sink.OnRhythmEvent(new RhythmEvent(RhythmCondition.Pause, true, onset, null, onset - _lastBeat));
        }
        long standstillSince = Math.Max(_standstillFrom, _artifactEnd);
        if (judged && !_asystole && watermark - standstillSince >= _asystoleDelay)
        {
            _asystole = true;
            // Not before the last asystole ended: a shock's trace may take back the complex that ended it.
            long onset = Math.Max(standstillSince + _asystoleDelay, Math.Max(_fibrillationEnd, _asystoleEnd));
            SetRateCondition(null, onset, null, ref sink);
            sink.OnRhythmEvent(new RhythmEvent(RhythmCondition.Asystole, true, onset, null, onset - _standstillFrom));
        }

        while (_nextRateCheck <= watermark)
        {
            double? rate = HeartRate.BeatsPerMinute;
            // A check dated inside an unreadable stretch is skipped even when it is made after the stretch has ended.
            bool readable = !_artifact && _nextRateCheck >= _artifactEnd;
            if (!_asystole && !_pause && readable)
            {
                (RhythmCondition? condition, long beyondSince) = _rateValidation.Check(rate, _nextRateCheck);
                SetRateCondition(condition, _nextRateCheck, rate, ref sink, beyondSince);
            }
            else
            {
                _rateValidation.Reset();
            }
            _nextRateCheck += _samplingRateHz;
        }
    }

    /// <summary>
    /// Makes <paramref name="condition"/> the rate condition at <paramref name="sampleIndex"/>. The one it replaces
    /// ends now, and the new one starts now; with nothing before it, a validated condition is dated to where its rate
    /// went beyond the limit (<paramref name="since"/>), but not before the last change. (A more severe form never
    /// takes over late: the extreme forms are not held off.)
    /// </summary>
    private void SetRateCondition<TSink>(RhythmCondition? condition, long sampleIndex, double? rate, ref TSink sink, long? since = null)
        where TSink : IRhythmSink
    {
        if (condition == _rateCondition) return;
        long at = sampleIndex;
        if (_rateCondition is { } ended) sink.OnRhythmEvent(new RhythmEvent(ended, false, sampleIndex, rate, 0));
        else if (since is { } from) at = Math.Clamp(from, _rateConditionChangedAt, sampleIndex);
        if (condition is { } started) sink.OnRhythmEvent(new RhythmEvent(started, true, at, rate, 0));
        _rateCondition = condition;
        _rateConditionChangedAt = at;
    }

    private long Samples(double seconds) => (long)Math.Round(seconds * _samplingRateHz);
}
