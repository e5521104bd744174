using Monitoring.Detection.Qrs;

namespace Monitoring.Detection.Rhythm;

/// <summary>
/// Heart rate as a bedside monitor displays it (IEC 60601-2-27 201.7.9.2.9.101 b) 3), the averaging a manufacturer
/// must disclose):
/// <list type="bullet">
/// <item>the mean of the last 12 RR intervals without the longest and the shortest (as Mindray documents), so that
/// bigeminy and alternating rhythms read their true beat rate;</item>
/// <item>the mean of the last 4 RR intervals when the last 3 are all longer than 1.2 s (as Philips documents), so that
/// a fall in rate shows within seconds;</item>
/// <item>while no beat comes for longer than any of the recent RR intervals (plus the time the detector may take to
/// report a beat), the open interval itself sets the rate, so that the display falls during a pause instead of
/// freezing.</item>
/// </list>
/// A monitor updates the display once a second: call <see cref="BeatsPerMinuteAt"/> then. Allocation-free.
/// </summary>
public sealed class HeartRateMeter
{
    public const int AveragedIntervals = 12;
    public const double LongIntervalSeconds = 1.2;
    public const int LongIntervalRun = 3;
    public const int ShortAverageIntervals = 4;

    private readonly long[] _intervals = new long[AveragedIntervals];
    private readonly double _samplingRateHz;
    private readonly long _longInterval, _reportingDelay;
    private int _count, _next;
    private long _lastBeat = -1;

    /// <param name="samplingRateHz">Samples per second of the stream whose beats are counted.</param>
    /// <param name="reportingDelaySeconds">How late a beat may be reported after its R wave (the detector's latency bound).</param>
    public HeartRateMeter(int samplingRateHz, double reportingDelaySeconds = QrsDetector.HardMaxLatencySeconds)
    {
        if (samplingRateHz <= 0) throw new ArgumentOutOfRangeException(nameof(samplingRateHz), samplingRateHz, "Sampling rate must be positive.");
        _samplingRateHz = samplingRateHz;
        _longInterval = (long)Math.Round(LongIntervalSeconds * samplingRateHz);
        _reportingDelay = (long)Math.Round(reportingDelaySeconds * samplingRateHz);
    }

    /// <summary>Adds a beat at <paramref name="sampleIndex"/> (its R wave); beats must come in time order.</summary>
    public void OnBeat(long sampleIndex)
    {
        if (_lastBeat >= 0 && sampleIndex > _lastBeat)
        {
            _intervals[_next] = sampleIndex - _lastBeat;
            _next = (_next + 1) % AveragedIntervals;
            if (_count < AveragedIntervals) _count++;
        }
        if (sampleIndex > _lastBeat) _lastBeat = sampleIndex;
    }

    /// <summary>
    /// Takes back a beat counted earlier at <paramref name="sampleIndex"/> that turned out to be a noise complex (see
    /// <see cref="Classification.NoiseComplexRule"/>): its two intervals become one. A beat older than the intervals
    /// kept, or one never counted, changes nothing.
    /// </summary>
    public void Retract(long sampleIndex)
    {
        // Walk back from the last beat through the intervals to find the beat; ago = how many intervals back.
        long beat = _lastBeat;
        int ago = 0;
        while (beat > sampleIndex && ago < _count) beat -= Interval(ago++);
        if (beat != sampleIndex || _count == 0) return;
        if (ago == 0)
        {
            // The last beat itself: drop its interval; the one before becomes the last beat.
            _lastBeat -= Interval(0);
            RemoveInterval(0);
            return;
        }
        if (ago == _count)
        {
            // The oldest beat kept: only the interval after it goes.
            RemoveInterval(ago - 1);
            return;
        }
        // Interval(ago - 1) runs from the noise complex to the next beat, Interval(ago) from the beat before to it.
        SetInterval(ago, Interval(ago) + Interval(ago - 1));
        RemoveInterval(ago - 1);
    }

    /// <summary>Removes the interval <paramref name="ago"/> places back, moving the newer ones back by one.</summary>
    private void RemoveInterval(int ago)
    {
        for (int i = ago; i > 0; i--) SetInterval(i, Interval(i - 1));
        _next = (_next - 1 + AveragedIntervals) % AveragedIntervals;
        _count--;
    }

    private void SetInterval(int ago, long value) => _intervals[(_next - 1 - ago + AveragedIntervals) % AveragedIntervals] = value;

    /// <summary>Forgets every beat, for example when the signal becomes unreadable.</summary>
    public void Reset()
    {
        _count = 0;
        _next = 0;
        _lastBeat = -1;
    }

    /// <summary>The rate to display at <paramref name="sampleIndex"/>, or null until two RR intervals are known.</summary>
    public double? BeatsPerMinuteAt(long sampleIndex)
    {
        if (_count < 2) return null;

        double averageRr = AverageInterval();
        long open = sampleIndex - _lastBeat;
        if (open - _reportingDelay > LongestInterval()) averageRr = Math.Max(averageRr, open);
        return 60.0 * _samplingRateHz / averageRr;
    }

    /// <summary>
    /// The rate from the completed RR intervals only, without the open one: what rate limits are checked against,
    /// since a pause has alarm conditions of its own.
    /// </summary>
    public double? BeatsPerMinute => _count < 2 ? null : 60.0 * _samplingRateHz / AverageInterval();

    private double AverageInterval() => LastIntervalsAreLong() ? MeanOfLast(ShortAverageIntervals) : TrimmedMean();

    private long Interval(int ago) => _intervals[(_next - 1 - ago + AveragedIntervals) % AveragedIntervals];

    private bool LastIntervalsAreLong()
    {
        if (_count < LongIntervalRun) return false;
        for (int i = 0; i < LongIntervalRun; i++)
        {
            if (Interval(i) <= _longInterval) return false;
        }
        return true;
    }

    private double MeanOfLast(int intervals)
    {
        int n = Math.Min(intervals, _count);
        long sum = 0;
        for (int i = 0; i < n; i++) sum += Interval(i);
        return (double)sum / n;
    }

    /// <summary>Mean without the longest and the shortest interval, once there are enough to drop two.</summary>
    private double TrimmedMean()
    {
        long sum = 0, longest = long.MinValue, shortest = long.MaxValue;
        for (int i = 0; i < _count; i++)
        {
            long rr = Interval(i);
            sum += rr;
            longest = Math.Max(longest, rr);
            shortest = Math.Min(shortest, rr);
        }
        return _count >= 5 ? (double)(sum - longest - shortest) / (_count - 2) : (double)sum / _count;
    }

    private long LongestInterval()
    {
        long longest = 0;
        for (int i = 0; i < _count; i++) longest = Math.Max(longest, Interval(i));
        return longest;
    }
}
