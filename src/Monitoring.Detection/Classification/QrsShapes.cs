using System.Numerics;
using System.Runtime.InteropServices;

namespace Monitoring.Detection.Classification;

/// <summary>
/// The QRS shapes one patient's lead has shown, learned online: each shape is the running average of the complexes
/// that matched it (Pearson correlation at least <see cref="MatchCorrelation"/> at the best alignment within ±16 ms,
/// and a similar amplitude). The shape seen most often lately is the dominant beat. Fixed memory, allocation-free.
/// </summary>
internal sealed class QrsShapes
{
    public const int Capacity = 8;
    public const double MatchCorrelation = 0.90;
    private const double ScoreDecay = 0.995;
    private const float Learning = 1.0f / 16;
    private const double FrequentShare = 0.5;
    private const int MixtureMembers = 3;   // a shape seen this often is the patient's, not a one-off

    // Shapes in single precision: the correlations need no more, and the dot products run twice as wide.
    private readonly float[][] _shapes = new float[Capacity][];
    private readonly float[][] _centered = new float[Capacity][];
    private readonly double[] _norms = new double[Capacity];
    private readonly double[] _scores = new double[Capacity];
    private readonly QrsMeasures[] _measures = new QrsMeasures[Capacity];
    private readonly int[] _members = new int[Capacity];
    private readonly double[] _lagVariances, _lagPeakToPeaks;
    private readonly int _length, _maxLag;
    private readonly double _clearlyNarrower;
    private readonly int _widthGap;
    private int _count;

    /// <param name="length">Samples in one complex's window.</param>
    /// <param name="maxLag">Largest misalignment tried, in samples.</param>
    /// <param name="clearlyNarrower">Width difference, in samples, that makes one shape clearly narrower than another.</param>
    /// <param name="widthGap">Longest dip of the slope, in samples, still inside one QRS (see <see cref="QrsMeasures.Width"/>).</param>
    public QrsShapes(int length, int maxLag, double clearlyNarrower, int widthGap)
    {
        _widthGap = widthGap;
        _clearlyNarrower = clearlyNarrower;
        _length = length;
        _maxLag = maxLag;
        for (int i = 0; i < Capacity; i++)
        {
            _shapes[i] = new float[length];
            _centered[i] = new float[length];
        }
        _lagVariances = new double[2 * maxLag + 1];
        _lagPeakToPeaks = new double[2 * maxLag + 1];
    }

    /// <summary>The dominant shape, or -1 before any beat.</summary>
    public int Dominant { get; private set; } = -1;

    /// <summary>Width, peak-to-peak amplitude, area and sharpness of a shape (see <see cref="QrsMeasures"/>).</summary>
    public QrsMeasures Measures(int shape) => _measures[shape];

    /// <summary>How many complexes have matched a shape since it was learned (the first one included).</summary>
    public int Members(int shape) => _members[shape];

    /// <summary>
    /// Finds the shape of the complex in <paramref name="window"/> (which holds <c>length + 2 * maxLag</c> samples,
    /// the complex centred), learns from it, and returns the shape's index with the correlations to it and to the
    /// dominant shape.
    /// </summary>
    public int Classify(ReadOnlySpan<float> window, out double correlation, out double dominantCorrelation)
    {
        MeasureLags(window);
        Array.Fill(_lagPeakToPeaks, -1);
        int best = -1, bestLag = 0;
        correlation = -1;
        dominantCorrelation = -1;
        for (int s = 0; s < _count; s++)
        {
            double r = BestCorrelation(s, window, out int lag);
            if (s == Dominant) dominantCorrelation = r;
            if (r > correlation && SimilarAmplitude(_measures[s].PeakToPeak, LagPeakToPeak(window, lag)))
            {
                correlation = r;
                best = s;
                bestLag = lag;
            }
        }

        if (best >= 0 && correlation >= MatchCorrelation)
        {
            Learn(best, window.Slice(_maxLag + bestLag, _length));
        }
        else
        {
            best = Add(window.Slice(_maxLag, _length));
            correlation = 1;
        }

        for (int s = 0; s < _count; s++) _scores[s] *= ScoreDecay;
        _scores[best] += 1;
        if (_members[best] < int.MaxValue) _members[best]++;
        UpdateDominant();
        if (best == Dominant && dominantCorrelation < 0) dominantCorrelation = 1;
        return best;
    }

    private void Learn(int shape, ReadOnlySpan<float> complex)
    {
        float[] template = _shapes[shape];
        for (int i = 0; i < _length; i++) template[i] += (complex[i] - template[i]) * Learning;
        Prepare(shape);
    }

    /// <summary>A new shape takes a free slot, or the slot of the shape with the lowest recent score.</summary>
    private int Add(ReadOnlySpan<float> complex)
    {
        int slot = _count < Capacity ? _count++ : Weakest();
        complex.CopyTo(_shapes[slot]);
        _scores[slot] = 0;
        _members[slot] = 0;
        Prepare(slot);
        return slot;
    }

    private int Weakest()
    {
        int weakest = -1;
        for (int s = 0; s < _count; s++)
        {
            if (s != Dominant && (weakest < 0 || _scores[s] < _scores[weakest])) weakest = s;
        }
        return weakest;
    }

    /// <summary>
    /// The dominant beat is the narrowest of the frequent shapes (score at least half the highest): in ventricular
    /// bigeminy the PVC shape is as frequent as the normal one, but wider. A narrower frequent shape takes over only
    /// when it is clearly narrower, or when the current one is no longer frequent.
    /// </summary>
    private void UpdateDominant()
    {
        double highest = 0;
        for (int s = 0; s < _count; s++) highest = Math.Max(highest, _scores[s]);

        int dominant = Dominant;
        if (dominant < 0 || _scores[dominant] < FrequentShare * highest) dominant = -1;
        for (int s = 0; s < _count; s++)
        {
            if (_scores[s] < FrequentShare * highest || s == dominant) continue;
            if (dominant < 0 || _measures[s].Width < _measures[dominant].Width - _clearlyNarrower) dominant = s;
        }
        Dominant = dominant;
    }

    /// <summary>Keeps what correlation needs of a shape: its width, the shape less its mean, and that one's norm.</summary>
    private void Prepare(int shape)
    {
        float[] template = _shapes[shape], centered = _centered[shape];
        float mean = (float)(SumInDouble(template) / _length);
        double norm = 0;
        int i = 0;
        if (Vector.IsHardwareAccelerated && _length >= Vector<float>.Count)
        {
            var means = new Vector<float>(mean);
            Vector<double> normsLow = Vector<double>.Zero, normsHigh = Vector<double>.Zero;
            for (; i <= _length - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector<float> c = new Vector<float>(template, i) - means;
                c.CopyTo(centered, i);
                Vector.Widen(c, out Vector<double> low, out Vector<double> high);
                normsLow += low * low;
                normsHigh += high * high;
            }
            norm = Vector.Sum(normsLow + normsHigh);
        }
        for (; i < _length; i++)
        {
            centered[i] = template[i] - mean;
            norm += (double)centered[i] * centered[i];
        }
        _norms[shape] = norm;
        _measures[shape] = QrsWindow.Measure(template, _widthGap);
    }

    private static double SumInDouble(ReadOnlySpan<float> values)
    {
        double sum = 0;
        int i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<float>.Count)
        {
            ref float first = ref MemoryMarshal.GetReference(values);
            Vector<double> low = Vector<double>.Zero, high = Vector<double>.Zero;
            for (; i <= values.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector.Widen(Vector.LoadUnsafe(ref first, (nuint)i), out Vector<double> l, out Vector<double> h);
                low += l;
                high += h;
            }
            sum = Vector.Sum(low + high);
        }
        for (; i < values.Length; i++) sum += values[i];
        return sum;
    }

    /// <summary>
    /// The variance term of the complex at each lag (sum of squares less the squared sum over the length): the same
    /// for every shape, so measured once per complex.
    /// </summary>
    private void MeasureLags(ReadOnlySpan<float> window)
    {
        // The first lag's sums in one pass; each later lag slides them by one sample.
        double sum = 0, sumSquares = 0;
        foreach (double x in window[.._length])
        {
            sum += x;
            sumSquares += x * x;
        }
        for (int lag = 0; ; lag++)
        {
            _lagVariances[lag] = sumSquares - sum * sum / _length;
            if (lag == 2 * _maxLag) break;
            double leaving = window[lag], entering = window[lag + _length];
            sum += entering - leaving;
            sumSquares += entering * entering - leaving * leaving;
        }
    }

    /// <summary>
    /// Best Pearson correlation of a shape with the window over the allowed lags. The shape is kept less its mean,
    /// so the correlation's numerator is a plain dot product with the complex.
    /// </summary>
    private double BestCorrelation(int shape, ReadOnlySpan<float> window, out int bestLag)
    {
        ReadOnlySpan<float> centered = _centered[shape];
        double norm = _norms[shape];
        double best = -1;
        bestLag = 0;
        for (int lag = -_maxLag; lag <= _maxLag; lag++)
        {
            double variance = _lagVariances[lag + _maxLag];
            double product = Dot(window.Slice(_maxLag + lag, _length), centered);
            double r = variance > 0 && norm > 0 ? product / Math.Sqrt(variance * norm) : 0;
            if (r > best) { best = r; bestLag = lag; }
        }
        return best;
    }

    private static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        // Loads straight from the spans' memory (no slice per step); b is at least as long as a.
        int i = 0;
        float sum = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<float>.Count && b.Length >= a.Length)
        {
            ref float x = ref MemoryMarshal.GetReference(a), y = ref MemoryMarshal.GetReference(b);
            var sums = Vector<float>.Zero;
            for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                sums += Vector.LoadUnsafe(ref x, (nuint)i) * Vector.LoadUnsafe(ref y, (nuint)i);
            }
            sum = Vector.Sum(sums);
        }
        for (; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    /// <summary>
    /// How well <paramref name="shape"/> is a weighted sum of the dominant shape and another established shape wider than
    /// the dominant one (see <see cref="ShapeMixture"/>): the best such pair, on the shapes as learned (each aligned on
    /// the centroid of its slopes, without shifting them further: a search over shifts also fits many plain PVC shapes,
    /// 56 more of svdb).
    /// </summary>
    public ShapeMixture Mixture(int shape)
    {
        int dominant = Dominant;
        if (dominant < 0 || shape == dominant) return ShapeMixture.None;
        double yy = _norms[shape], nn = _norms[dominant];
        if (yy <= 0 || nn <= 0) return ShapeMixture.None;
        double ny = Dot(_centered[shape], _centered[dominant]);
        double single = ny * ny / (nn * yy), best = double.NaN, dominantShare = double.NaN;
        for (int other = 0; other < _count; other++)
        {
            if (other == dominant || other == shape || _members[other] < MixtureMembers
                || _measures[other].Width <= _measures[dominant].Width + 2 * _clearlyNarrower) continue;
            double vv = _norms[other], nv = Dot(_centered[dominant], _centered[other]), vy = Dot(_centered[shape], _centered[other]);
            double determinant = nn * vv - nv * nv;
            if (vv <= 0 || determinant <= 1e-12 * nn * vv) continue;
            // Least squares: shape ≈ a · dominant + b · other.
            double a = (ny * vv - vy * nv) / determinant, b = (vy * nn - ny * nv) / determinant;
            double explained = (a * ny + b * vy) / yy;
            single = Math.Max(single, vy * vy / (vv * yy));
            if (!(explained <= best))
            {
                best = explained;
                dominantShare = a > 0 && b > 0 ? a / (a + b) : a > 0 ? 1 : 0;
            }
        }
        return new ShapeMixture(best, dominantShare, single);
    }

    /// <summary>Peak-to-peak of the complex at a lag, measured once per complex and lag.</summary>
    private double LagPeakToPeak(ReadOnlySpan<float> window, int lag)
    {
        ref double cached = ref _lagPeakToPeaks[lag + _maxLag];
        if (cached < 0) cached = QrsWindow.PeakToPeak(window.Slice(_maxLag + lag, _length));
        return cached;
    }

    private static bool SimilarAmplitude(double shapePeakToPeak, double complexPeakToPeak) =>
        complexPeakToPeak > 0.6 * shapePeakToPeak && complexPeakToPeak < 1.7 * shapePeakToPeak;
}
