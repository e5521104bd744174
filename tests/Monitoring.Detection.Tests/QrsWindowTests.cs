using Monitoring.Detection.Classification;

namespace Monitoring.Detection.Tests;

/// <summary>QRS width measured on one complex's window (samples at 180 Hz, as the classifier compares shapes).</summary>
public class QrsWindowTests
{
    private const double Rate = 180;
    private const int Gap = 12;   // 65 ms

    [Fact]
    public void A_narrow_complex_measures_its_own_width() =>
        Assert.InRange(WidthSeconds(new Wave(Centre: 0.100, HalfWidth: 0.040, HeightMv: 1.5)), 0.070, 0.090);

    /// <summary>A flutter wave or an artefact starting 75 ms after the QRS, as steep as a third of the R wave's upstroke.</summary>
    [Fact]
    public void A_steep_wave_well_apart_from_the_complex_does_not_widen_it() =>
        Assert.InRange(WidthSeconds(new Wave(0.100, 0.040, 1.5), new Wave(0.235, 0.020, 0.25)), 0.070, 0.090);

    /// <summary>RSR': two deflections 50 ms apart, as in a bundle branch block.</summary>
    [Fact]
    public void A_split_complex_is_measured_across_its_notch() =>
        Assert.InRange(WidthSeconds(new Wave(0.090, 0.030, 1.0), new Wave(0.140, 0.030, 1.2)), 0.100, 0.130);

    /// <summary>
    /// The vectorised walk gives what a walk one sample at a time gives, on window lengths around the vector width
    /// (shorter, equal, not a multiple) and with ties for the steepest slope (the first one counts).
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(46)]
    [InlineData(64)]
    [InlineData(73)]
    public void Measures_match_a_walk_one_sample_at_a_time(int length)
    {
        var random = new Random(length);
        for (int trial = 0; trial < 200; trial++)
        {
            var window = new float[length];
            // Quantised steps make equal slopes (ties) common; in every other window the steps are sparse, so that
            // tied slopes lie further apart than the gap and where the steepest one is counted changes the width.
            bool sparse = trial % 2 == 1;
            for (int i = 1; i < length; i++)
            {
                window[i] = sparse
                    ? window[i - 1] + (random.NextDouble() < 0.1 ? random.Next(-3, 4) / 2f : 0)
                    : random.Next(-20, 21) / 8f;
            }

            QrsMeasures measured = QrsWindow.Measure(window, Gap), expected = MeasureOneSampleAtATime(window, Gap);

            Assert.Equal(expected.Width, measured.Width);
            Assert.Equal(expected.PeakToPeak, measured.PeakToPeak);
            Assert.Equal(expected.Sharpness, measured.Sharpness);
            Assert.Equal(expected.Area, measured.Area, 1e-4);
        }
    }

    /// <summary>The measurements as defined (<see cref="QrsMeasures"/>), one sample at a time.</summary>
    private static QrsMeasures MeasureOneSampleAtATime(float[] window, int maxGap)
    {
        float min = float.MaxValue, max = float.MinValue, steepest = 0;
        int steepestAt = -1;
        double sum = 0;
        for (int i = 0; i < window.Length; i++)
        {
            sum += window[i];
            min = Math.Min(min, window[i]);
            max = Math.Max(max, window[i]);
            float slope = i == 0 ? 0 : Math.Abs(window[i] - window[i - 1]);
            if (slope > steepest) { steepest = slope; steepestAt = i; }
        }
        double mean = (float)(sum / window.Length), area = 0;
        foreach (float v in window) area += Math.Abs(v - mean);
        int first = steepestAt, last = steepestAt;
        if (steepest > 0)
        {
            for (int i = steepestAt - 1; i >= 1 && first - i <= maxGap; i--) if (Math.Abs(window[i] - window[i - 1]) >= 0.15 * steepest) first = i;
            for (int i = steepestAt + 1; i < window.Length && i - last <= maxGap; i++) if (Math.Abs(window[i] - window[i - 1]) >= 0.15 * steepest) last = i;
        }
        double peakToPeak = max - min;
        return new QrsMeasures(steepest > 0 ? last - first + 1 : 0, peakToPeak, area, max > min ? steepest / peakToPeak : 0);
    }

    /// <summary>A triangular wave: its peak time and half base in seconds, its height in mV.</summary>
    private readonly record struct Wave(double Centre, double HalfWidth, double HeightMv);

    /// <summary>The width measured on a 250 ms window holding the given waves.</summary>
    private static double WidthSeconds(params Wave[] waves)
    {
        var window = new float[(int)(0.25 * Rate) + 1];
        foreach (Wave wave in waves)
        {
            for (int i = 0; i < window.Length; i++)
            {
                double distance = Math.Abs(i / Rate - wave.Centre);
                if (distance < wave.HalfWidth) window[i] += (float)(wave.HeightMv * (1 - distance / wave.HalfWidth));
            }
        }
        return QrsWindow.Measure(window, Gap).Width / Rate;
    }
}
