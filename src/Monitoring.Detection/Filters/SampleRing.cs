namespace Monitoring.Detection.Filters;

/// <summary>
/// Fixed-size history of a filtered signal indexed by absolute sample number, so that detection logic can look back
/// over the last <see cref="Capacity"/> samples without copying. The size is a power of two: indexing is a mask.
/// </summary>
internal readonly struct SampleRing
{
    private readonly double[] _values;
    private readonly long _mask;

    public SampleRing(int minimumCapacity)
    {
        int capacity = 1;
        while (capacity < minimumCapacity) capacity <<= 1;
        _values = new double[capacity];
        _mask = capacity - 1;
    }

    public int Capacity => _values.Length;

    /// <summary>Copies the samples from <paramref name="start"/> on into <paramref name="destination"/>, in at most two block copies.</summary>
    public void CopyTo(long start, Span<double> destination)
    {
        int first = (int)(start & _mask);
        int head = Math.Min(destination.Length, _values.Length - first);
        _values.AsSpan(first, head).CopyTo(destination);
        _values.AsSpan(0, destination.Length - head).CopyTo(destination[head..]);
    }

    public double this[long sampleIndex]
    {
        get => _values[sampleIndex & _mask];
        set => _values[sampleIndex & _mask] = value;
    }
}
