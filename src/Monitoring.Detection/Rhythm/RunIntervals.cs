namespace Monitoring.Detection.Rhythm;

/// <summary>
/// The last RR intervals of a run of PVCs, for its rate: the median of the last few intervals, so one interval
/// doubled by a complex the QRS detector missed (low-amplitude beats are common in VT) or one short salvo pause does
/// not turn a ventricular tachycardia into a slower rhythm, and a run that speeds up is seen as soon as its recent
/// beats are fast. Allocation-free after construction.
/// </summary>
internal sealed class RunIntervals
{
    private readonly long[] _intervals;
    private int _next, _count;

    public RunIntervals(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _intervals = new long[capacity];
    }

    /// <summary>
    /// The newest intervals from the oldest one kept that is at most <paramref name="longestSamples"/> long: how many
    /// and how long together (a run's fast stretch when it speeds up). (0, 0) when none is that short.
    /// </summary>
    public (int Count, long Samples) TailFromFirstAtMost(long longestSamples)
    {
        int oldest = _count < _intervals.Length ? 0 : _next;
        for (int age = 0; age < _count; age++)
        {
            if (_intervals[(oldest + age) % _intervals.Length] > longestSamples) continue;
            long sum = 0;
            for (int i = age; i < _count; i++) sum += _intervals[(oldest + i) % _intervals.Length];
            return (_count - age, sum);
        }
        return (0, 0);
    }

    public void Clear() => _next = _count = 0;

    public void Add(long intervalSamples)
    {
        _intervals[_next] = intervalSamples;
        _next = (_next + 1) % _intervals.Length;
        if (_count < _intervals.Length) _count++;
    }

    /// <summary>Rate (per minute) of the median interval kept; 0 when none is.</summary>
    public double MedianRatePerMinute(double samplingRateHz)
    {
        if (_count == 0) return 0;
        Span<long> sorted = stackalloc long[_count];
        _intervals.AsSpan(0, _count).CopyTo(sorted);
        sorted.Sort();
        int middle = _count / 2;
        double median = _count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
        return median > 0 ? 60.0 * samplingRateHz / median : 0;
    }
}
