using Monitoring.Detection.Filters;

namespace Monitoring.Detection.Tests;

/// <summary><see cref="MainsNotchFilter"/> on sinusoids: the mains frequency goes, the ECG band stays.</summary>
public class MainsNotchFilterTests
{
    [Theory]
    [InlineData(50, 250)]
    [InlineData(50, 360)]
    [InlineData(60, 360)]
    [InlineData(50, 500)]
    [InlineData(60, 1000)]
    public void The_mains_frequency_is_removed_and_the_ecg_band_kept(double mains, int fs)
    {
        Assert.True(MainsNotchFilter.Applies(mains, fs));
        Assert.InRange(Amplitude(mains, mains, fs), 0, 0.02);            // at least 34 dB down
        Assert.InRange(Amplitude(mains, 10, fs), 0.97, 1.03);           // the QRS band
        Assert.InRange(Amplitude(mains, mains - 10, fs), 0.9, 1.05);
        Assert.InRange(Amplitude(mains, 0, fs), 0.99, 1.01);            // DC, baseline
    }

    [Fact]
    public void A_notch_that_does_not_fit_below_half_the_sampling_rate_is_not_applied()
    {
        Assert.False(MainsNotchFilter.Applies(50, 100));
        Assert.False(MainsNotchFilter.Applies(60, 100));
        Assert.True(MainsNotchFilter.Applies(50, 128));
        Assert.False(MainsNotchFilter.Applies(0, 360));
    }

    /// <summary>Output amplitude, relative to the input's, of a sinusoid of <paramref name="hz"/> (1000 ADC units) after 2 s of settling.</summary>
    private static double Amplitude(double mains, double hz, int fs)
    {
        var filter = new MainsNotchFilter(mains, fs);
        var input = new short[6 * fs];
        for (int i = 0; i < input.Length; i++) input[i] = (short)Math.Round(1000 * Math.Cos(2 * Math.PI * hz * i / fs));
        var output = new short[input.Length];
        for (int offset = 0; offset < input.Length; offset += fs / 4)
            filter.Filter(input.AsSpan(offset, Math.Min(fs / 4, input.Length - offset)), output.AsSpan(offset));
        double peak = 0;
        for (int i = 2 * fs; i < output.Length; i++) peak = Math.Max(peak, Math.Abs(output[i]));
        return peak / 1000;
    }
}
