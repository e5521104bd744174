using Monitoring.Detection.Classification;

namespace Monitoring.Detection.Rhythm;

/// <summary>
/// Ventricular ectopy conditions from the classified beats of one lead, as bedside monitors define them:
/// <list type="bullet">
/// <item>runs of consecutive PVCs: <see cref="RhythmCondition.Couplet"/> (2), and from 3 on by rate and length —
/// <see cref="RhythmCondition.VentricularTachycardia"/> (at least <see cref="VentricularEctopySettings.VtBeats"/> at
/// the VT rate or faster, declared when the run reaches that length and ended by the next non-ventricular beat),
/// <see cref="RhythmCondition.NonSustainedVentricularTachycardia"/> (shorter, as fast),
/// <see cref="RhythmCondition.VentricularRhythm"/> and <see cref="RhythmCondition.PvcRun"/> (slower). The rate that
/// decides is that of the median of the run's last VtBeats - 1 intervals (<see cref="RunIntervals"/>), and a
/// ventricular rhythm that speeds up to the VT rate becomes VT from its first interval at that rate;</item>
/// <item><see cref="RhythmCondition.Bigeminy"/> and <see cref="RhythmCondition.Trigeminy"/>: a PVC after every one or
/// every two other beats, for at least three cycles, until the pattern breaks;</item>
/// <item><see cref="RhythmCondition.RonT"/>: a PVC coupled at less than a third of the normal RR interval
/// (Philips' definition), so early it lands on the T wave;</item>
/// <item><see cref="RhythmCondition.PvcsPerMinute"/>: more PVCs in the last 60 s than the limit.</item>
/// </list>
/// Events carry the run length (or cycles, or PVC count) and the rate. Allocation-free after construction.
/// </summary>
public sealed class VentricularEctopyMonitor
{
    private const int PatternCycles = 3;
    private const double RonTFraction = 1.0 / 3;

    private readonly VentricularEctopySettings _settings;
    private readonly double _samplingRateHz;
    private readonly long _minute;
    private readonly long[] _recentPvcs;
    private int _recentPvcsNext, _recentPvcsCount;
    private bool _tooManyPvcs;

    private int _runLength;
    private long _runStart, _runEnd, _runRrSum;
    private readonly RunIntervals _recentRunIntervals;
    private RhythmCondition? _sustained;

    private int _sinceVentricular = -1;
    private int _bigeminyCycles, _trigeminyCycles;
    private long _bigeminyStart, _trigeminyStart;
    private bool _bigeminy, _trigeminy;

    private double _normalRr;
    private BeatClass _previousClass = BeatClass.Unclassifiable;

    public VentricularEctopyMonitor(int samplingRateHz, VentricularEctopySettings? settings = null)
    {
        _settings = settings ?? VentricularEctopySettings.Default;
        _settings.Validate();
        _samplingRateHz = samplingRateHz;
        _minute = 60L * samplingRateHz;
        _recentPvcs = new long[_settings.PvcsPerMinuteLimit + 1];
        _recentRunIntervals = new RunIntervals(_settings.VtBeats - 1);
    }

    public VentricularEctopySettings Settings => _settings;

    /// <summary>Takes the next classified beat (in time order) and reports conditions starting or ending.</summary>
    public void OnBeat<TSink>(in ClassifiedBeat beat, ref TSink sink) where TSink : IRhythmSink
    {
        if (beat.Class == BeatClass.Ventricular) OnVentricular(beat, ref sink);
        else OnOther(beat, ref sink);
        CountPvcsPerMinute(beat, ref sink);
        _previousClass = beat.Class;
    }

    /// <summary>
    /// The signal became unreadable at <paramref name="sampleIndex"/> (a technical condition): a sustained run or a
    /// pattern in progress ends there, a shorter run is dropped unreported, and runs and patterns start afresh with
    /// the next beat given, since the beats in between cannot be known. Give no beats while the signal is unreadable.
    /// </summary>
    public void Interrupt<TSink>(long sampleIndex, ref TSink sink) where TSink : IRhythmSink
    {
        if (_sustained is { } sustained)
        {
            Report(sustained, false, sampleIndex, RunRate(), _runLength, ref sink);
            _sustained = null;
        }
        _runLength = 0;
        UpdatePattern(ref _bigeminy, 0, 0, RhythmCondition.Bigeminy, sampleIndex, ref sink);
        UpdatePattern(ref _trigeminy, 0, 0, RhythmCondition.Trigeminy, sampleIndex, ref sink);
        _bigeminyCycles = _trigeminyCycles = 0;
        _sinceVentricular = -1;
        _previousClass = BeatClass.Unclassifiable;
    }

    private void OnVentricular<TSink>(in ClassifiedBeat beat, ref TSink sink) where TSink : IRhythmSink
    {
        if (_normalRr > 0 && beat.RrBeforeSamples > 0 && beat.RrBeforeSamples < RonTFraction * _normalRr)
        {
            Report(RhythmCondition.RonT, true, beat.SampleIndex, null, 1, ref sink);
            Report(RhythmCondition.RonT, false, beat.SampleIndex, null, 1, ref sink);
        }

        if (_runLength == 0)
        {
            _runStart = beat.SampleIndex;
            _runRrSum = 0;
            _recentRunIntervals.Clear();
        }
        else
        {
            _runRrSum += beat.RrBeforeSamples;
            _recentRunIntervals.Add(beat.RrBeforeSamples);
        }
        _runLength++;
        _runEnd = beat.SampleIndex;
        if (_sustained is null && _runLength == _settings.VtBeats)
        {
            double rate = RecentRunRate();
            _sustained = rate >= _settings.VtRateBpm ? RhythmCondition.VentricularTachycardia : RhythmCondition.VentricularRhythm;
            Report(_sustained.Value, true, _runStart, rate, _runLength, ref sink);
        }
        else if (_sustained == RhythmCondition.VentricularRhythm && RecentRunRate() >= _settings.VtRateBpm)
        {
            SpeedUpToVt(beat.SampleIndex, ref sink);
        }

        _bigeminyCycles = _sinceVentricular == 1 ? _bigeminyCycles + 1 : _sinceVentricular > 0 ? 1 : 0;
        _trigeminyCycles = _sinceVentricular == 2 ? _trigeminyCycles + 1 : _sinceVentricular > 0 ? 1 : 0;
        if (_bigeminyCycles == 1) _bigeminyStart = beat.SampleIndex;
        if (_trigeminyCycles == 1) _trigeminyStart = beat.SampleIndex;
        UpdatePattern(ref _bigeminy, _bigeminyCycles, _bigeminyStart, RhythmCondition.Bigeminy, beat.SampleIndex, ref sink);
        UpdatePattern(ref _trigeminy, _trigeminyCycles, _trigeminyStart, RhythmCondition.Trigeminy, beat.SampleIndex, ref sink);
        _sinceVentricular = 0;
    }

    /// <summary>
    /// The ventricular rhythm in progress sped up to the VT rate: it ends, and VT starts, at the first of its recent
    /// intervals at that rate; the run goes on as a VT run from there.
    /// </summary>
    private void SpeedUpToVt<TSink>(long now, ref TSink sink) where TSink : IRhythmSink
    {
        long longestVtInterval = (long)(60.0 * _samplingRateHz / _settings.VtRateBpm);
        (int fastIntervals, long fastSamples) = _recentRunIntervals.TailFromFirstAtMost(longestVtInterval);
        long fastFrom = now - fastSamples;
        Report(RhythmCondition.VentricularRhythm, false, fastFrom, RunRate(), _runLength - fastIntervals, ref sink);
        _sustained = RhythmCondition.VentricularTachycardia;
        _runStart = fastFrom;
        _runLength = fastIntervals + 1;
        _runRrSum = fastSamples;
        Report(RhythmCondition.VentricularTachycardia, true, fastFrom, RecentRunRate(), _runLength, ref sink);
    }

    private void OnOther<TSink>(in ClassifiedBeat beat, ref TSink sink) where TSink : IRhythmSink
    {
        if (beat.Class.IsRhythmBeat() && _previousClass.IsRhythmBeat() && beat.RrBeforeSamples > 0)
        {
            _normalRr = _normalRr == 0 ? beat.RrBeforeSamples : _normalRr + (beat.RrBeforeSamples - _normalRr) / 8;
        }

        if (_runLength > 0) EndRun(beat.SampleIndex, ref sink);

        if (_sinceVentricular >= 0) _sinceVentricular++;
        if (_sinceVentricular > 1) UpdatePattern(ref _bigeminy, 0, 0, RhythmCondition.Bigeminy, beat.SampleIndex, ref sink);
        if (_sinceVentricular > 2) UpdatePattern(ref _trigeminy, 0, 0, RhythmCondition.Trigeminy, beat.SampleIndex, ref sink);
    }

    private void EndRun<TSink>(long endedBy, ref TSink sink) where TSink : IRhythmSink
    {
        if (_sustained is { } sustained)
        {
            Report(sustained, false, endedBy, RunRate(), _runLength, ref sink);
            _sustained = null;
        }
        else if (_runLength >= 2)
        {
            double rate = RecentRunRate();
            RhythmCondition condition = _runLength == 2 ? RhythmCondition.Couplet
                : rate >= _settings.VtRateBpm ? RhythmCondition.NonSustainedVentricularTachycardia
                : RhythmCondition.PvcRun;
            Report(condition, true, _runStart, rate, _runLength, ref sink);
            Report(condition, false, _runEnd, rate, _runLength, ref sink);
        }
        _runLength = 0;
    }

    private void UpdatePattern<TSink>(ref bool active, int cycles, long start, RhythmCondition condition, long at, ref TSink sink)
        where TSink : IRhythmSink
    {
        if (!active && cycles >= PatternCycles)
        {
            active = true;
            Report(condition, true, start, null, cycles, ref sink);
        }
        else if (active && cycles < PatternCycles && cycles <= 1)
        {
            active = false;
            Report(condition, false, at, null, 0, ref sink);
        }
    }

    private void CountPvcsPerMinute<TSink>(in ClassifiedBeat beat, ref TSink sink) where TSink : IRhythmSink
    {
        if (beat.Class == BeatClass.Ventricular)
        {
            _recentPvcs[_recentPvcsNext] = beat.SampleIndex;
            _recentPvcsNext = (_recentPvcsNext + 1) % _recentPvcs.Length;
            if (_recentPvcsCount < _recentPvcs.Length) _recentPvcsCount++;
        }
        // More than the limit in a minute: the oldest of the last limit + 1 PVCs is less than a minute old.
        bool tooMany = _recentPvcsCount == _recentPvcs.Length && beat.SampleIndex - _recentPvcs[_recentPvcsNext] < _minute;
        if (tooMany == _tooManyPvcs) return;
        _tooManyPvcs = tooMany;
        Report(RhythmCondition.PvcsPerMinute, tooMany, beat.SampleIndex, null, _recentPvcsCount, ref sink);
    }

    /// <summary>Mean rate of the whole run: the evidence reported when a sustained run ends.</summary>
    private double RunRate() => _runLength > 1 ? 60.0 * _samplingRateHz * (_runLength - 1) / _runRrSum : 0;

    /// <summary>Rate of the run's recent beats, which decides between VT and a slower rhythm.</summary>
    private double RecentRunRate() => _recentRunIntervals.MedianRatePerMinute(_samplingRateHz);

    private static void Report<TSink>(RhythmCondition condition, bool onset, long at, double? rate, int beats, ref TSink sink)
        where TSink : IRhythmSink =>
        sink.OnRhythmEvent(new RhythmEvent(condition, onset, at, rate, 0, beats));
}
