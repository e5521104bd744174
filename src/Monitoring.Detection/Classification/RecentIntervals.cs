using Monitoring.Detection.Filters;

namespace Monitoring.Detection.Classification;

/// <summary>The last eight RR intervals of some kind (in samples), with their median and how irregular they are.</summary>
internal struct RecentIntervals
{
    public const int Capacity = 8;
    private readonly long[] _intervals;
    // The same intervals sorted; slots not filled yet hold 0 and sort first.
    private readonly SortedWindow _sorted;
    private int _next;

    public RecentIntervals()
    {
        _intervals = new long[Capacity];
        _sorted = new SortedWindow(Capacity);
    }

    public int Count { get; private set; }

    /// <summary>The median of the intervals (0 while there are none); kept up to date by <see cref="Add"/>.</summary>
    public double Median { get; private set; }

    /// <summary>
    /// Fraction of the successive changes larger than 15 % of the median (0 until the ring is full): near 1 in atrial
    /// fibrillation, low in sinus rhythm even with an occasional early beat (which changes only the two intervals
    /// around it).
    /// </summary>
    public readonly double Irregularity()
    {
        if (Count < Capacity) return 0;
        // Successive intervals in time order: from the oldest (at _next) round to the newest.
        int changes = 0;
        long previous = _intervals[_next];
        for (int k = 1; k < Capacity; k++)
        {
            int index = _next + k;
            long rr = _intervals[index < Capacity ? index : index - Capacity];
            if (Math.Abs(rr - previous) > 0.15 * Median) changes++;
            previous = rr;
        }
        return changes / (double)(Capacity - 1);
    }

    public void Add(long rr)
    {
        _sorted.Replace(_intervals[_next], rr);
        _intervals[_next] = rr;
        _next = (_next + 1) % Capacity;
        if (Count < Capacity) Count++;
        Median = ComputeMedian();
    }

    private readonly double ComputeMedian()
    {
        if (Count == 0) return 0;
        int first = Capacity - Count;   // the unfilled slots' zeros come first
        int middle = first + Count / 2;
        return Count % 2 == 1 ? _sorted[middle] : (_sorted[middle - 1] + _sorted[middle]) / 2.0;
    }
}
