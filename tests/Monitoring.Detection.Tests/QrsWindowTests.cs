using Monitoring.Detection.Classification;

namespace Monitoring.Detection.Tests;

/// <summary>QRS width measured on one complex's window (samples at 180 Hz, as the classifier compares shapes).</summary>
public class QrsWindowTests
{
    private const double Rate = 180;
    private const int Gap = 12;   // 65 ms

    [Fact]
    public void A_narrow_complex_measures_its_own_width()
    {
        double[] window = Window();
        AddTriangle(window, centre: 0.100, halfWidthSeconds: 0.040, heightMv: 1.5);

        Assert.InRange(Seconds(QrsWindow.Width(window, Gap)), 0.070, 0.090);
    }

    [Fact]
    public void A_steep_wave_well_apart_from_the_complex_does_not_widen_it()
    {
        double[] window = Window();
        AddTriangle(window, centre: 0.100, halfWidthSeconds: 0.040, heightMv: 1.5);
        // A flutter wave or an artefact starting 75 ms after the QRS, as steep as a third of the R wave's upstroke.
        AddTriangle(window, centre: 0.235, halfWidthSeconds: 0.020, heightMv: 0.25);

        Assert.InRange(Seconds(QrsWindow.Width(window, Gap)), 0.070, 0.090);
    }

    [Fact]
    public void A_split_complex_is_measured_across_its_notch()
    {
        double[] window = Window();
        // RSR': two deflections 50 ms apart, as in a bundle branch block.
        AddTriangle(window, centre: 0.090, halfWidthSeconds: 0.030, heightMv: 1.0);
        AddTriangle(window, centre: 0.140, halfWidthSeconds: 0.030, heightMv: 1.2);

        Assert.InRange(Seconds(QrsWindow.Width(window, Gap)), 0.100, 0.130);
    }

    private static double[] Window() => new double[(int)(0.25 * Rate) + 1];

    private static double Seconds(double samples) => samples / Rate;

    private static void AddTriangle(double[] window, double centre, double halfWidthSeconds, double heightMv)
    {
        for (int i = 0; i < window.Length; i++)
        {
            double distance = Math.Abs(i / Rate - centre);
            if (distance < halfWidthSeconds) window[i] += heightMv * (1 - distance / halfWidthSeconds);
        }
    }
}
