using Monitoring.Detection.Classification;

namespace Monitoring.Detection.Tests;

public class AberrantConductionRuleTests
{
    /// <summary>Intervals around an early beat, in normal cycles of 1,000 samples.</summary>
    [Theory]
    [InlineData(500, 1000, true)]    // the atrial impulse reset the sinus node: a new cycle from the early beat
    [InlineData(450, 1150, true)]    // ... and a little longer, as after most atrial premature beats
    [InlineData(500, 1500, false)]   // compensatory: the sinus beat hidden by a PVC, the next one on schedule
    [InlineData(500, 550, false)]    // interpolated PVC: the sinus beat after it on schedule
    [InlineData(700, 1000, false)]   // 1.7 cycles: too close to compensatory to tell
    [InlineData(500, 0, false)]      // the interval after it is not known yet
    public void A_pause_resets_the_rhythm_when_the_interval_after_is_about_one_cycle(long rrBefore, long rrAfter, bool reset) =>
        Assert.Equal(reset, AberrantConductionRule.IsResetPause(rrBefore, rrAfter, normalRr: 1000));

    [Fact]
    public void A_shape_is_aberrant_when_most_of_its_early_beats_reset_the_rhythm()
    {
        Assert.True(AberrantConductionRule.IsAberrant(0.8));
        Assert.False(AberrantConductionRule.IsAberrant(0.3));
    }
}
