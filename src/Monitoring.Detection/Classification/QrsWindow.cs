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
    /// The complex's area (the sum of absolute deviations from the window's mean) and how sharp it is for its size (the
    /// steepest slope per sample over the peak-to-peak amplitude; 0 for a flat window). A ventricular complex, conducted
    /// through the muscle rather than the conduction system, is larger and rises more slowly for its amplitude than a
    /// conducted one.
    /// </summary>
    public static void Size(ReadOnlySpan<float> window, out double area, out double sharpness)
    {
        float min = float.MaxValue, max = float.MinValue, steepest = 0, previous = window[0];
        double sum = 0;
        foreach (float v in window)
        {
            sum += v;
            if (v < min) min = v;
            if (v > max) max = v;
            float slope = Math.Abs(v - previous);
            if (slope > steepest) steepest = slope;
            previous = v;
        }
        float mean = (float)(sum / window.Length);
        float deviations = 0;
        foreach (float v in window) deviations += Math.Abs(v - mean);
        area = deviations;
        sharpness = max > min ? steepest / (double)(max - min) : 0;
    }

    /// <summary>
    /// QRS width in samples: the stretch around the window's steepest slope where the slope exceeds 15 % of that
    /// steepest slope, bridging dips shorter than <paramref name="maxGap"/> samples (the notches of a split QRS).
    /// P and T waves are too slow to reach that, the QRS onset and end are not; a steep wave or a noise spike
    /// separated from the QRS by more than the gap (flutter waves, an artefact) does not widen it.
    /// </summary>
    public static double Width(ReadOnlySpan<float> window, int maxGap)
    {
        double steepest = 0;
        int steepestAt = -1;
        for (int i = 1; i < window.Length; i++)
        {
            double slope = Math.Abs(window[i] - window[i - 1]);
            if (slope > steepest) { steepest = slope; steepestAt = i; }
        }
        if (steepest <= 0) return 0;
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
