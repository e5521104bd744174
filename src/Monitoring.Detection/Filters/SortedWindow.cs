namespace Monitoring.Detection.Filters;

/// <summary>
/// A few values kept sorted, updated by one removal and one insertion per new value: a running median without sorting.
/// For a handful of values (eight here), where shifting beats any tree. The caller keeps the values in arrival order
/// and says which one leaves.
/// </summary>
internal readonly struct SortedWindow
{
    private readonly double[] _sorted;

    public SortedWindow(int length)
    {
        _sorted = new double[length];
    }

    /// <summary>The value of the given rank (0 the smallest).</summary>
    public double this[int rank] => _sorted[rank];

    /// <summary>Replaces <paramref name="leaving"/> (a value in the window) by <paramref name="entering"/>, keeping the order.</summary>
    public void Replace(double leaving, double entering)
    {
        double[] sorted = _sorted;
        int i = Array.IndexOf(sorted, leaving);
        // Move the gap towards where the new value belongs, then drop it in.
        while (i > 0 && sorted[i - 1] > entering) { sorted[i] = sorted[i - 1]; i--; }
        while (i < sorted.Length - 1 && sorted[i + 1] < entering) { sorted[i] = sorted[i + 1]; i++; }
        sorted[i] = entering;
    }

    public void Fill(double value) => Array.Fill(_sorted, value);

    /// <summary>Multiplies every value by a positive factor (the order stays).</summary>
    public void Scale(double factor)
    {
        for (int i = 0; i < _sorted.Length; i++) _sorted[i] *= factor;
    }
}
