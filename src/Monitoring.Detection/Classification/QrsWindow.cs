namespace Monitoring.Detection.Classification;

/// <summary>Measurements on one complex's window of samples.</summary>
internal static class QrsWindow
{
    public static double PeakToPeak(ReadOnlySpan<double> window)
    {
        double min = double.MaxValue, max = double.MinValue;
        foreach (double v in window) { if (v < min) min = v; if (v > max) max = v; }
        return max - min;
    }

    /// <summary>
    /// QRS width in samples: from the first to the last point where the slope exceeds 15 % of the window's steepest
    /// slope. P and T waves are too slow to reach that, the QRS onset and end are not.
    /// </summary>
    public static double Width(ReadOnlySpan<double> window)
    {
        double steepest = 0;
        for (int i = 1; i < window.Length; i++) steepest = Math.Max(steepest, Math.Abs(window[i] - window[i - 1]));
        if (steepest <= 0) return 0;
        double limit = 0.15 * steepest;
        int first = -1, last = -1;
        for (int i = 1; i < window.Length; i++)
        {
            if (Math.Abs(window[i] - window[i - 1]) < limit) continue;
            if (first < 0) first = i;
            last = i;
        }
        return last - first + 1;
    }
}
