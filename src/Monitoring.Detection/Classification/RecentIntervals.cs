namespace Monitoring.Detection.Classification;

/// <summary>The last eight RR intervals of some kind (in samples), with their median and how irregular they are.</summary>
internal struct RecentIntervals
{
    public const int Capacity = 8;
    private readonly long[] _intervals;
    private int _next;

    public RecentIntervals()
    {
        _intervals = new long[Capacity];
    }

    public int Count { get; private set; }

    public void Add(long rr)
    {
        _intervals[_next] = rr;
        _next = (_next + 1) % Capacity;
        if (Count < Capacity) Count++;
    }

    public readonly double Median()
    {
        if (Count == 0) return 0;
        Span<long> sorted = stackalloc long[Capacity];
        sorted = sorted[..Count];
        _intervals.AsSpan(0, Count).CopyTo(sorted);
        sorted.Sort();
        return Count % 2 == 1 ? sorted[Count / 2] : (sorted[Count / 2 - 1] + sorted[Count / 2]) / 2.0;
    }

    /// <summary>
    /// Fraction of the successive changes larger than 15 % of the median (0 until the ring is full): near 1 in atrial
    /// fibrillation, low in sinus rhythm even with an occasional early beat (which changes only the two intervals
    /// around it).
    /// </summary>
    public readonly double Irregularity()
    {
        if (Count < Capacity) return 0;
        double median = Median();
        int changes = 0;
        for (int i = 1; i < Capacity; i++)
        {
            long rr = _intervals[(_next - 1 - i + 2 * Capacity) % Capacity];
            long next = _intervals[(_next - i + 2 * Capacity) % Capacity];
            if (Math.Abs(next - rr) > 0.15 * median) changes++;
        }
        return changes / (double)(Capacity - 1);
    }
}
