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
        Assert.False(IsNoise(Noisy, correlation: 0.95, nextCorrelation: 0.97, rrBefore: 190, rrAfter: 100));
    }

    [Fact]
    public void An_unlike_complex_is_not_taken_for_noise_when_the_next_complex_is_further_from_the_time_the_beat_is_due()
    {
        // A PVC at 0.55 RR, a noise complex 0.35 RR after it (at 0.9 RR, nearer the due time): the noise complex, not the PVC, is the suspect.
        Assert.True(IsNoise(Noisy, correlation: 0.2, rrBefore: 158, rrAfter: 101));
        // A complex 0.2 RR early, the next one at 1.25 RR: further from the due time than the complex itself, which is kept.
        Assert.False(IsNoise(Noisy, correlation: 0.2, rrBefore: 230, rrAfter: 130));
    }

    [Fact]
    public void A_wide_complex_looks_less_like_the_dominant_beat_than_a_narrow_one_of_the_same_correlation()
    {
        Assert.Equal(0.7, NoiseComplexRule.Likeness(0.7, widthRatio: 1.0), 9);
        Assert.Equal(0.7, NoiseComplexRule.Likeness(0.7, widthRatio: 0.5), 9);
        Assert.Equal(0.3, NoiseComplexRule.Likeness(0.7, widthRatio: 2.0), 9);
        Assert.Equal(-0.1, NoiseComplexRule.Likeness(0.7, widthRatio: 9.0), 9);
        // A noise complex better correlated than the narrow beat after it, but three times as wide, gives way to it.
        Assert.True(NoiseComplexRule.IsNoise(Noisy, correlation: 0.55, likeness: NoiseComplexRule.Likeness(0.55, 3.0), previousLikeness: 0.95,
            nextLikeness: NoiseComplexRule.Likeness(0.3, 1.0), previousRrBefore: 288, rrBefore: 200, rrAfter: 100, recentRr: Rr, recentAnyRr: Rr, repeatsPreviousShape: false));
        Assert.False(NoiseComplexRule.IsNoise(Noisy, correlation: 0.55, likeness: NoiseComplexRule.Likeness(0.55, 1.0), previousLikeness: 0.95,
            nextLikeness: NoiseComplexRule.Likeness(0.3, 1.0), previousRrBefore: 288, rrBefore: 200, rrAfter: 100, recentRr: Rr, recentAnyRr: Rr, repeatsPreviousShape: false));
    }

    [Fact]
    public void The_whole_rhythm_test_takes_the_shorter_of_the_two_recent_intervals()
    {
        // A PVC at 0.65 RR whose compensatory pause holds a noise complex (0.5 RR later): 1.15 dominant RR apart, but 1.5
        // intervals between any two complexes, which the noise left in has shortened to 0.77 RR.
        Assert.False(NoiseComplexRule.IsNoise(Noisy, correlation: 0.1, likeness: 0.1, previousLikeness: 0.95, nextLikeness: 0.6,
            previousRrBefore: 288, rrBefore: 187, rrAfter: 144, recentRr: Rr, recentAnyRr: 0.77 * Rr, repeatsPreviousShape: false));
        Assert.True(NoiseComplexRule.IsNoise(Noisy, correlation: 0.1, likeness: 0.1, previousLikeness: 0.95, nextLikeness: 0.6,
            previousRrBefore: 288, rrBefore: 187, rrAfter: 144, recentRr: Rr, recentAnyRr: Rr, repeatsPreviousShape: false));
    }

    [Fact]
    public void A_search_back_complex_in_noise_that_splits_one_interval_is_noise()
    {
        // Found by search-back at 0.6 RR, the next beat 0.5 RR later: the rhythm is whole without it.
        Assert.True(NoiseComplexRule.IsSearchBackNoise(Noisy, correlation: 0.6, heightRatio: 0.8, rrBefore: 173, rrAfter: 144, recentRr: Rr));
        // In clean signal, shaped like the dominant beat, taller than it, or filling a gap of two intervals: a missed beat.
        Assert.False(NoiseComplexRule.IsSearchBackNoise(Clean, correlation: 0.6, heightRatio: 0.8, rrBefore: 173, rrAfter: 144, recentRr: Rr));
        Assert.False(NoiseComplexRule.IsSearchBackNoise(Noisy, correlation: 0.95, heightRatio: 0.8, rrBefore: 173, rrAfter: 144, recentRr: Rr));
        Assert.False(NoiseComplexRule.IsSearchBackNoise(Noisy, correlation: 0.6, heightRatio: 1.5, rrBefore: 173, rrAfter: 144, recentRr: Rr));
        Assert.False(NoiseComplexRule.IsSearchBackNoise(Noisy, correlation: 0.6, heightRatio: 0.8, rrBefore: 288, rrAfter: 288, recentRr: Rr));
    }

    [Fact]
    public void A_complex_better_shaped_than_its_neighbours_is_kept()
    {
        Assert.False(IsNoise(Noisy, correlation: 0.3, previousCorrelation: 0.2, nextCorrelation: 0.1, rrBefore: 100, rrAfter: 100));
    }

    private static bool IsNoise(double noiseToQrsLevel, double correlation, long rrBefore, long rrAfter,
        double previousCorrelation = 0.95, double nextCorrelation = 0.95, long previousRrBefore = 288, bool repeatsPreviousShape = false) =>
        NoiseComplexRule.IsNoise(noiseToQrsLevel, correlation, correlation, previousCorrelation, nextCorrelation, previousRrBefore,
            rrBefore, rrAfter, Rr, Rr, repeatsPreviousShape);
}
