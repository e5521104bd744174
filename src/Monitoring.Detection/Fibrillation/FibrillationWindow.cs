using System.Numerics;
using Monitoring.Detection.Filters;

namespace Monitoring.Detection.Fibrillation;

/// <summary>
/// The last few seconds of the band-passed, decimated waveform, kept in whole blocks of about a second, and the
/// measurements <see cref="VentricularFibrillationDetector"/> decides on (<see cref="FibrillationFeatures"/>).
/// Per value only block sums are kept (the window's sums are the sums of its blocks); measuring walks the window once
/// per block, and a second time for the rate when the detector asks for it.
/// </summary>
internal struct FibrillationWindow
{
    /// <summary>Half-width of the crossing band around the baseline, as a share of the mean absolute amplitude.</summary>
    private const double HysteresisFraction = 0.5;

    private readonly SampleRing _values;
    private readonly BlockSums[] _blocks;
    private readonly double[] _sortedMaxSlopes;
    private readonly double[] _unwrapped;
    private readonly int _blockLength;
    private readonly double _rateHz;
    private long _count;
    private int _toBlockEnd;
    private int _block;
    private double _previous;
    private BlockSums _current;

    /// <param name="rateHz">Sampling rate of the values pushed in.</param>
    /// <param name="blockLength">Values per block (about a second).</param>
    /// <param name="blocks">Blocks per window.</param>
    public FibrillationWindow(double rateHz, int blockLength, int blocks)
    {
        _rateHz = rateHz;
        _blockLength = blockLength;
        _blocks = new BlockSums[blocks];
        _sortedMaxSlopes = new double[blocks];
        _values = new SampleRing(blockLength * blocks + 1);
        _unwrapped = new double[blockLength * blocks];
        _toBlockEnd = blockLength;
    }

    public readonly int Length => _blockLength * _blocks.Length;

    /// <summary>True when a window's worth of values has been pushed.</summary>
    public readonly bool IsFull => _count >= Length;

    /// <summary>
    /// Adds a value (<paramref name="value"/>) and the slope of the signal before smoothing (<paramref name="roughSlope"/>);
    /// returns true when it completed a block, so the window can be measured.
    /// </summary>
    public bool Push(double value, double roughSlope)
    {
        double slope = _count > 0 ? Math.Abs(value - _previous) : 0;
        _current.AbsValues += Math.Abs(value);
        _current.AbsSlopes += slope;
        _current.RoughSlopes += Math.Abs(roughSlope);
        _current.MaxSlope = Math.Max(_current.MaxSlope, slope);
        _values[_count] = value;
        _previous = value;
        _count++;
        if (--_toBlockEnd > 0) return false;
        _blocks[_block] = _current;
        _block = _block + 1 == _blocks.Length ? 0 : _block + 1;
        _current = default;
        _toBlockEnd = _blockLength;
        return true;
    }

    /// <summary>
    /// Measures the window that ends with the last value pushed (at the end of a block), all but the rate
    /// (<see cref="FibrillationFeatures.RatePerMinute"/> is NaN): see <see cref="RatePerMinute"/>.
    /// </summary>
    public readonly FibrillationFeatures Measure()
    {
        // The window in time order, in one piece: the walks below then run over a plain array.
        _values.CopyTo(_count - Length, _unwrapped);
        double sumAbs = 0, sumAbsSlope = 0, sumRoughSlope = 0;
        foreach (BlockSums block in _blocks)
        {
            sumAbs += block.AbsValues;
            sumAbsSlope += block.AbsSlopes;
            sumRoughSlope += block.RoughSlopes;
        }
        double amplitude = sumAbs / Length;
        double meanAbsSlope = sumAbsSlope / Length;
        return new FibrillationFeatures(amplitude, Leakage(_unwrapped, sumAbs, sumAbsSlope), double.NaN,
            MedianBlockMaxSlope() / Math.Max(meanAbsSlope, 1e-12), sumRoughSlope / Math.Max(sumAbsSlope, 1e-12));
    }

    /// <summary>
    /// The oscillation rate of the window <see cref="Measure"/> last measured, whose mean absolute amplitude was
    /// <paramref name="amplitudeMv"/>. Apart because it is the costliest feature and only matters when the others
    /// already look fibrillatory.
    /// </summary>
    public readonly double RatePerMinute(double amplitudeMv) => OscillationsPerMinute(_unwrapped, HysteresisFraction * amplitudeMv);

    /// <summary>
    /// Kuo and Dillman (1978): the half period N = π Σ|x| / Σ|Δx| (exact for a sine), then
    /// Σ|x[i] + x[i−N]| / Σ(|x[i]| + |x[i−N]|), which a sinusoid at that period cancels.
    /// </summary>
    private static double Leakage(ReadOnlySpan<double> values, double sumAbs, double sumAbsSlope)
    {
        int halfPeriod = Math.Clamp((int)Math.Round(Math.PI * sumAbs / Math.Max(sumAbsSlope, 1e-12)), 1, values.Length / 2);
        ReadOnlySpan<double> later = values[halfPeriod..], earlier = values[..^halfPeriod];
        int i = 0;
        double leaked = 0, total = 0;
        if (Vector.IsHardwareAccelerated)
        {
            Vector<double> leakedSums = Vector<double>.Zero, totalSums = Vector<double>.Zero;
            for (; i <= later.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var value = new Vector<double>(later[i..]);
                var shifted = new Vector<double>(earlier[i..]);
                leakedSums += Vector.Abs(value + shifted);
                totalSums += Vector.Abs(value) + Vector.Abs(shifted);
            }
            leaked = Vector.Sum(leakedSums);
            total = Vector.Sum(totalSums);
        }
        for (; i < later.Length; i++)
        {
            leaked += Math.Abs(later[i] + earlier[i]);
            total += Math.Abs(later[i]) + Math.Abs(earlier[i]);
        }
        return total > 0 ? leaked / total : 1;
    }

    /// <summary>
    /// Full cycles per minute over the window: a cycle ends with each rise above +<paramref name="band"/> after a fall
    /// below −<paramref name="band"/>. Waves cut by the window's edges do not count, so a window that is only partly
    /// fibrillation reads a lower rate.
    /// </summary>
    private readonly double OscillationsPerMinute(ReadOnlySpan<double> values, double band)
    {
        int cycles = 0, side = 0;
        foreach (double value in values)
        {
            if (value > band && side <= 0)
            {
                if (side < 0) cycles++;
                side = 1;
            }
            else if (value < -band && side >= 0) side = -1;
        }
        return cycles * 60.0 * _rateHz / Length;
    }

    private readonly double MedianBlockMaxSlope()
    {
        for (int i = 0; i < _blocks.Length; i++) _sortedMaxSlopes[i] = _blocks[i].MaxSlope;
        Array.Sort(_sortedMaxSlopes);
        int middle = _sortedMaxSlopes.Length / 2;
        return _sortedMaxSlopes.Length % 2 == 1 ? _sortedMaxSlopes[middle] : (_sortedMaxSlopes[middle - 1] + _sortedMaxSlopes[middle]) / 2;
    }

    /// <summary>What one block adds to the window's sums, and its steepest slope.</summary>
    private struct BlockSums
    {
        public double AbsValues, AbsSlopes, RoughSlopes, MaxSlope;
    }
}
