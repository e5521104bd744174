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
