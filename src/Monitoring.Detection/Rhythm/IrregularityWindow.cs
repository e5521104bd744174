namespace Monitoring.Detection.Rhythm;

/// <summary>
/// The most recent RR-interval comparisons of one rhythm criterion, each voting "irregular" or "regular": a sliding window
/// of at most <see cref="Capacity"/> votes. Votes older than the age limit (counted in beats) drop out, so that a
/// stretch where no interval can be judged (for instance one dominated by PVCs) does not keep an old verdict alive.
/// Fixed buffers, allocation-free after construction.
/// </summary>
internal sealed class IrregularityWindow
{
    private readonly bool[] _irregular;
    private readonly long[] _from, _to, _beat, _interval;
    private readonly long _maximumAgeBeats;
    private int _oldest;

    public IrregularityWindow(int capacity, long maximumAgeBeats)
    {
        _irregular = new bool[capacity];
        _from = new long[capacity];
        _to = new long[capacity];
        _beat = new long[capacity];
        _interval = new long[capacity];
        _maximumAgeBeats = maximumAgeBeats;
    }

    public int Capacity => _irregular.Length;

    /// <summary>Votes in the window.</summary>
    public int Count { get; private set; }

    /// <summary>Votes in the window that said "irregular".</summary>
    public int IrregularCount { get; private set; }

    /// <summary>
    /// Adds a vote made at beat number <paramref name="beat"/> about the intervals from <paramref name="from"/> to
    /// <paramref name="to"/> (samples), the last of which is <paramref name="interval"/> samples long.
    /// </summary>
    public void Add(bool irregular, long from, long to, long beat, long interval)
    {
        if (Count == Capacity) RemoveOldest();
        int slot = (_oldest + Count) % Capacity;
        _irregular[slot] = irregular;
        _from[slot] = from;
        _to[slot] = to;
        _beat[slot] = beat;
        _interval[slot] = interval;
        Count++;
        if (irregular) IrregularCount++;
    }

    /// <summary>Drops the votes made more than the age limit before beat number <paramref name="beat"/>.</summary>
    public void Age(long beat)
    {
        while (Count > 0 && beat - _beat[_oldest] > _maximumAgeBeats) RemoveOldest();
    }

    /// <summary>Where the earliest irregular stretch in the window starts, or null when no vote is irregular.</summary>
    public long? FirstIrregularFrom()
    {
        for (int i = 0; i < Count; i++)
        {
            int slot = (_oldest + i) % Capacity;
            if (_irregular[slot]) return _from[slot];
        }
        return null;
    }

    /// <summary>Where the latest irregular stretch in the window ends, or null when no vote is irregular.</summary>
    public long? LastIrregularTo()
    {
        for (int i = Count - 1; i >= 0; i--)
        {
            int slot = (_oldest + i) % Capacity;
            if (_irregular[slot]) return _to[slot];
        }
        return null;
    }

    /// <summary>Mean ventricular rate over the intervals in the window, in beats per minute; null when empty.</summary>
    public double? RateBpm(double samplingRateHz)
    {
        long total = 0;
        for (int i = 0; i < Count; i++) total += _interval[(_oldest + i) % Capacity];
        return total > 0 ? 60.0 * samplingRateHz * Count / total : null;
    }

    private void RemoveOldest()
    {
        if (_irregular[_oldest]) IrregularCount--;
        _oldest = (_oldest + 1) % Capacity;
        Count--;
    }
}
