using Monitoring.Detection.Filters;

namespace Monitoring.Detection.Qrs;

/// <summary>
/// The last eight peak heights of one kind (QRS or noise) and their median, as in Hamilton's OSEA detector:
/// the median resists one odd peak better than a running mean.
/// </summary>
internal struct PeakLevels
{
    public const int Count = 8;
    private readonly double[] _values;
    private readonly SortedWindow _sorted;
    private int _next;

    public PeakLevels()
    {
        _values = new double[Count];
        _sorted = new SortedWindow(Count);
    }

    public double Median { get; private set; }

    public void Add(double value)
    {
        _sorted.Replace(_values[_next], value);
        _values[_next] = value;
        _next = (_next + 1) % Count;
        Median = (_sorted[Count / 2 - 1] + _sorted[Count / 2]) / 2;
    }

    public void Fill(double value)
    {
        Array.Fill(_values, value);
        _sorted.Fill(value);
        Median = value;
    }

    public void Scale(double factor)
    {
        for (int i = 0; i < Count; i++) _values[i] *= factor;
        _sorted.Scale(factor);
        Median *= factor;
    }
}
