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
        float min = float.MaxValue, max = float.MinValue, steepest = 0, previous = window[0];
        int steepestAt = -1;
        double sum = 0;
        for (int i = 0; i < window.Length; i++)
        {
            float v = window[i];
            sum += v;
            if (v < min) min = v;
            if (v > max) max = v;
            float slope = Math.Abs(v - previous);
            if (slope > steepest) { steepest = slope; steepestAt = i; }
            previous = v;
        }
        float mean = (float)(sum / window.Length);
        float deviations = 0;
        foreach (float v in window) deviations += Math.Abs(v - mean);
        double peakToPeak = max - min;
        return new QrsMeasures(
            Width: steepest > 0 ? Width(window, steepestAt, steepest, maxGap) : 0,
            PeakToPeak: peakToPeak,
            Area: deviations,
            Sharpness: max > min ? steepest / peakToPeak : 0);
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
