namespace Monitoring.Detection.Pacing;

/// <summary>
/// The last <see cref="Capacity"/> marks of a stream (sample indices, in increasing order): the pacemaker pulses a
/// device reported, or the QRS complexes found. Allocation-free.
/// </summary>
public sealed class RecentMarks
{
    /// <summary>Marks kept: well over the pulses or beats of the few seconds a beat's classification may lag.</summary>
    public const int Capacity = 64;

    private readonly long[] _marks = new long[Capacity];
    private int _next, _count;

    /// <summary>Adds a mark; one not after the last is ignored (a device sends its pulses in order).</summary>
    public void Add(long sampleIndex)
    {
        if (_count > 0 && sampleIndex <= _marks[(_next + Capacity - 1) % Capacity]) return;
        _marks[_next] = sampleIndex;
        _next = (_next + 1) % Capacity;
        if (_count < Capacity) _count++;
    }

    /// <summary>Whether a mark lies in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public bool AnyWithin(long from, long to)
    {
        for (int i = 1; i <= _count; i++)
        {
            long mark = _marks[(_next + Capacity - i) % Capacity];
            if (mark < from) return false;   // newest first: the rest are earlier still
            if (mark <= to) return true;
        }
        return false;
    }
}
