using System.Numerics;
using System.Runtime.InteropServices;

namespace Monitoring.Detection.Classification;

/// <summary>Measurements on one complex's window of samples.</summary>
internal static class QrsWindow
{
    public static double PeakToPeak(ReadOnlySpan<float> window)
    {
        float min = float.MaxValue, max = float.MinValue;
        foreach (float v in window) { if (v < min) min = v; if (v > max) max = v; }
        return max - min;
    }

    /// <summary>
    /// Width, peak-to-peak amplitude, area and sharpness of the complex in one walk of the window (and one more for
    /// the area), since every beat needs all of them; see <see cref="QrsMeasures"/>. <paramref name="maxGap"/> is the
    /// longest dip of the slope, in samples, still inside one QRS.
    /// </summary>
    public static QrsMeasures Measure(ReadOnlySpan<float> window, int maxGap)
    {
        // Extremes, sum and steepest slope run vectorised (this runs twice per beat); the steepest slope's place is
        // then found by a scalar walk for the first slope that equals it. The first sample has no slope before it.
        float min = window[0], max = window[0], steepest = 0;
        double sum = window[0];
        int i = 1;
        if (Vector.IsHardwareAccelerated && window.Length > Vector<float>.Count)
        {
            ref float first = ref MemoryMarshal.GetReference(window);
            var mins = new Vector<float>(min);
            var maxes = new Vector<float>(max);
            var slopes = Vector<float>.Zero;
            Vector<double> sumsLow = Vector<double>.Zero, sumsHigh = Vector<double>.Zero;
            for (; i <= window.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector<float> v = Vector.LoadUnsafe(ref first, (nuint)i), before = Vector.LoadUnsafe(ref first, (nuint)(i - 1));
                mins = Vector.Min(mins, v);
                maxes = Vector.Max(maxes, v);
                slopes = Vector.Max(slopes, Vector.Abs(v - before));
                Vector.Widen(v, out Vector<double> low, out Vector<double> high);
                sumsLow += low;
                sumsHigh += high;
            }
            for (int lane = 0; lane < Vector<float>.Count; lane++)
            {
                min = Math.Min(min, mins[lane]);
                max = Math.Max(max, maxes[lane]);
                steepest = Math.Max(steepest, slopes[lane]);
            }
            sum += Vector.Sum(sumsLow + sumsHigh);
        }
        for (; i < window.Length; i++)
        {
            float v = window[i];
            sum += v;
            if (v < min) min = v;
            if (v > max) max = v;
            float slope = Math.Abs(v - window[i - 1]);
            if (slope > steepest) steepest = slope;
        }
        int steepestAt = -1;
        if (steepest > 0)
        {
            for (int k = 1; k < window.Length; k++)
            {
                if (Math.Abs(window[k] - window[k - 1]) == steepest) { steepestAt = k; break; }
            }
        }
        float mean = (float)(sum / window.Length);
        double peakToPeak = max - min;
        return new QrsMeasures(
            Width: steepest > 0 ? Width(window, steepestAt, steepest, maxGap) : 0,
            PeakToPeak: peakToPeak,
            Area: Deviations(window, mean),
            Sharpness: max > min ? steepest / peakToPeak : 0);
    }

    /// <summary>Sum of the absolute deviations from <paramref name="mean"/>.</summary>
    private static double Deviations(ReadOnlySpan<float> window, float mean)
    {
        float deviations = 0;
        int i = 0;
        if (Vector.IsHardwareAccelerated && window.Length >= Vector<float>.Count)
        {
            ref float first = ref MemoryMarshal.GetReference(window);
            var means = new Vector<float>(mean);
            var sums = Vector<float>.Zero;
            for (; i <= window.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                sums += Vector.Abs(Vector.LoadUnsafe(ref first, (nuint)i) - means);
            }
            deviations = Vector.Sum(sums);
        }
        for (; i < window.Length; i++) deviations += Math.Abs(window[i] - mean);
        return deviations;
    }

    /// <summary>
    /// QRS width in samples: the stretch around the window's steepest slope where the slope exceeds 15 % of that
    /// steepest slope, bridging dips shorter than <paramref name="maxGap"/> samples (the notches of a split QRS).
    /// P and T waves are too slow to reach that, the QRS onset and end are not; a steep wave or a noise spike
    /// separated from the QRS by more than the gap (flutter waves, an artefact) does not widen it.
    /// </summary>
    private static double Width(ReadOnlySpan<float> window, int steepestAt, double steepest, int maxGap)
    {
        double limit = 0.15 * steepest;
        int first = steepestAt, last = steepestAt;
        for (int i = steepestAt - 1; i >= 1 && first - i <= maxGap; i--)
        {
            if (Math.Abs(window[i] - window[i - 1]) >= limit) first = i;
        }
        for (int i = steepestAt + 1; i < window.Length && i - last <= maxGap; i++)
        {
            if (Math.Abs(window[i] - window[i - 1]) >= limit) last = i;
        }
        return last - first + 1;
    }
}
