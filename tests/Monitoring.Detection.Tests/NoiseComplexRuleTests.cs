using Monitoring.Detection.Classification;

namespace Monitoring.Detection.Tests;

/// <summary>
/// The rule that leaves noise complexes out, case by case. Intervals in samples at 360 Hz; the recent RR interval is
/// 0.8 s (288 samples).
/// </summary>
public class NoiseComplexRuleTests
{
    private const double Rr = 288;
    private const double Noisy = 0.2, Clean = 0.05;

    [Fact]
    public void An_unlike_complex_squeezed_between_two_beats_in_noise_is_noise()
    {
        // Beats at 0 and 0.8 s, a complex at 0.5 s unlike the dominant beat.
        Assert.True(IsNoise(Noisy, correlation: 0.1, rrBefore: 180, rrAfter: 108));
    }

    [Fact]
    public void The_same_complex_in_clean_signal_is_kept()
    {
        Assert.False(IsNoise(Clean, correlation: 0.1, rrBefore: 180, rrAfter: 108));
    }

    [Fact]
    public void A_pvc_with_its_compensatory_pause_is_kept()
    {
        // Premature by 40 %, then a pause: the neighbours are two intervals apart.
        Assert.False(IsNoise(Noisy, correlation: -0.6, rrBefore: 173, rrAfter: 403));
    }

    [Fact]
    public void The_second_pvc_of_a_couplet_is_kept()
    {
        Assert.False(IsNoise(Noisy, correlation: 0.45, previousCorrelation: 0.45, rrBefore: 130, rrAfter: 150, repeatsPreviousShape: true));
    }

    [Fact]
    public void A_complex_crowding_an_early_beat_is_kept()
    {
        // The beat before came 30 % early (a tall P wave taken for a beat, say): it is the suspect, not this one.
        Assert.False(IsNoise(Noisy, correlation: 0.1, previousRrBefore: 200, rrBefore: 70, rrAfter: 220, nextCorrelation: 0.1));
        Assert.True(IsNoise(Noisy, correlation: 0.1, previousRrBefore: 288, rrBefore: 70, rrAfter: 220, nextCorrelation: 0.1));
    }

    [Fact]
    public void A_somewhat_like_complex_before_a_beat_that_comes_on_time_is_noise()
    {
        // 0.6 correlation is not unlike enough on its own; the next complex, on time and as much like the dominant
        // beat, tells which of the two is the beat.
        Assert.True(IsNoise(Noisy, correlation: 0.6, nextCorrelation: 0.55, rrBefore: 190, rrAfter: 100));
        Assert.False(IsNoise(Noisy, correlation: 0.6, nextCorrelation: 0.3, rrBefore: 190, rrAfter: 100));
        Assert.False(IsNoise(Noisy, correlation: 0.85, nextCorrelation: 0.9, rrBefore: 190, rrAfter: 100));
    }

    [Fact]
    public void A_complex_better_shaped_than_its_neighbours_is_kept()
    {
        Assert.False(IsNoise(Noisy, correlation: 0.3, previousCorrelation: 0.2, nextCorrelation: 0.1, rrBefore: 100, rrAfter: 100));
    }

    private static bool IsNoise(double noiseToQrsLevel, double correlation, long rrBefore, long rrAfter,
        double previousCorrelation = 0.95, double nextCorrelation = 0.95, long previousRrBefore = 288, bool repeatsPreviousShape = false) =>
        NoiseComplexRule.IsNoise(noiseToQrsLevel, correlation, previousCorrelation, nextCorrelation, previousRrBefore,
            rrBefore, rrAfter, Rr, repeatsPreviousShape);
}
