using Monitoring.Detection.Classification;

namespace Monitoring.Detection.Rhythm;

/// <summary>
/// <see cref="RhythmCondition.MissedBeat"/>: one beat of a regular rhythm did not come (sinus arrest or exit block
/// for a beat, a non-conducted P wave, second-degree AV block), as Mindray defines "Missed Beats": after at least
/// three consecutive normal beats, an RR interval more than 1.5 times the previous one and more than 1.75 times the
/// average RR (below 100 bpm; from 100 bpm on, longer than 1 s), after which the rhythm goes on (the next RR under
/// 1.5 times the average). A missed beat presumes a regular rhythm that missed it: the two intervals before the gap
/// must each be within 20 % of the average, and none is judged in atrial fibrillation, where long intervals come at
/// random (on the shared MIT-BIH records, 21 of 30 gaps found without these two tests were in AF or flutter, while all
/// 8 of 118 were its non-conducted P waves). A beat's classification waits for the beat after it, so the condition is known one beat
/// after the gap: it is reported with its onset where the missing beat was due (one average RR after the beat before
/// the gap) and its end at the beat that closed the gap, with the gap as evidence. A gap longer than the pause
/// threshold is the pause alarm's (<see cref="RhythmMonitor"/>), not reported twice. The average is the mean of the
/// last eight intervals between two normal beats, so ectopic beats and the gaps themselves do not shorten or
/// stretch it. Allocation-free after construction.
/// </summary>
public sealed class MissedBeatDetector
{
    private const int NormalBeatsBefore = 3, AveragedIntervals = 8;
    private const double LongerThanPrevious = 1.5, LongerThanAverage = 1.75, ResumesWithin = 1.5, FastRateBpm = 100;
    private const double RegularWithin = 0.2;

    private readonly double _samplingRateHz;
    private readonly long _pauseThreshold, _fastRateGap;
    private readonly long[] _intervals = new long[AveragedIntervals];
    private int _intervalCount, _intervalNext;
    private long _intervalSum;
    private int _consecutiveNormal;
    private long _previousRr, _rrBeforePrevious;

    /// <param name="samplingRateHz">Sampling rate of the beats' sample indices.</param>
    /// <param name="pauseThresholdSeconds">The patient's pause threshold (<see cref="RhythmAlarmSettings.PauseThresholdSeconds"/>).</param>
    public MissedBeatDetector(int samplingRateHz, double pauseThresholdSeconds)
    {
        _samplingRateHz = samplingRateHz;
        _pauseThreshold = (long)Math.Round(pauseThresholdSeconds * samplingRateHz);
        _fastRateGap = samplingRateHz;
    }

    /// <summary>Takes the next classified beat (in time order) and reports a missed beat before it.</summary>
    /// <param name="beat">The beat.</param>
    /// <param name="inAtrialFibrillation">Whether atrial fibrillation is declared (no missed beat is judged then).</param>
    /// <param name="sink">Receives the condition's onset and end.</param>
    public void OnBeat<TSink>(in ClassifiedBeat beat, bool inAtrialFibrillation, ref TSink sink) where TSink : IRhythmSink
    {
        long gap = beat.RrBeforeSamples;
        bool missed = !inAtrialFibrillation && IsMissedBeat(beat, gap);
        if (missed)
        {
            double averageRr = AverageRr;
            long due = beat.SampleIndex - gap + (long)Math.Round(averageRr);
            double rate = BeatsPerMinute(averageRr);
            sink.OnRhythmEvent(new RhythmEvent(RhythmCondition.MissedBeat, true, due, rate, gap, 1));
            sink.OnRhythmEvent(new RhythmEvent(RhythmCondition.MissedBeat, false, beat.SampleIndex, rate, gap, 1));
        }

        bool normal = beat.Class.IsRhythmBeat();
        if (normal && _consecutiveNormal > 0 && gap > 0 && !missed) AddInterval(gap);
        _consecutiveNormal = normal ? _consecutiveNormal + 1 : 0;
        _rrBeforePrevious = _previousRr;
        _previousRr = gap;
    }

    /// <summary>
    /// The signal became unreadable: the beats in it are not given, so the interval after it is no evidence of a
    /// missing beat. Counting starts again with the next beat.
    /// </summary>
    public void Interrupt()
    {
        _consecutiveNormal = 0;
        _previousRr = _rrBeforePrevious = 0;
    }

    private bool IsMissedBeat(in ClassifiedBeat beat, long gap)
    {
        if (_consecutiveNormal < NormalBeatsBefore || _intervalCount < AveragedIntervals / 2 || gap <= 0) return false;
        if (beat.Class == BeatClass.Ventricular || beat.RrAfterSamples <= 0 || gap > _pauseThreshold) return false;
        double averageRr = AverageRr;
        if (!Regular(_previousRr, averageRr) || !Regular(_rrBeforePrevious, averageRr)) return false;
        bool fast = BeatsPerMinute(averageRr) >= FastRateBpm;
        bool longGap = fast ? gap > _fastRateGap : gap > LongerThanAverage * averageRr;
        return longGap && gap > LongerThanPrevious * _previousRr && beat.RrAfterSamples < ResumesWithin * averageRr;
    }

    /// <summary>Mean of the recent intervals between two normal beats (call only when there is one).</summary>
    private double AverageRr => (double)_intervalSum / _intervalCount;

    private double BeatsPerMinute(double rrSamples) => 60 * _samplingRateHz / rrSamples;

    private static bool Regular(long interval, double averageRr) => Math.Abs(interval - averageRr) <= RegularWithin * averageRr;

    private void AddInterval(long interval)
    {
        if (_intervalCount == AveragedIntervals) _intervalSum -= _intervals[_intervalNext];
        else _intervalCount++;
        _intervals[_intervalNext] = interval;
        _intervalSum += interval;
        _intervalNext = (_intervalNext + 1) % AveragedIntervals;
    }
}
