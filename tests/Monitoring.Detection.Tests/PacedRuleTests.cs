using Monitoring.Detection.Classification;

namespace Monitoring.Detection.Tests;

public class PacedRuleTests
{
    private const double RhythmRr = 300, Wide = 0.18, Narrow = 0.08;

    [Theory]
    [InlineData(BeatClass.Ventricular, Wide, 300, true)]     // a wide beat when the next beat is due: paced
    [InlineData(BeatClass.Ventricular, Wide, 270, true)]     // 90 % of the rhythm's interval: still on time
    [InlineData(BeatClass.Ventricular, Wide, 250, false)]    // 83 %: early, a PVC
    [InlineData(BeatClass.Normal, Wide, 300, true)]          // a paced rhythm learned as the dominant beat
    [InlineData(BeatClass.Normal, Narrow, 300, false)]       // a conducted beat
    [InlineData(BeatClass.Supraventricular, Wide, 300, false)]
    [InlineData(BeatClass.Ventricular, Wide, 0, true)]       // the first beat: no interval to judge
    public void A_wide_beat_that_is_not_premature_is_paced(BeatClass decided, double widthSeconds, long rrBefore, bool paced)
    {
        Assert.Equal(paced, PacedRule.IsPaced(decided, widthSeconds, rrBefore, RhythmRr));
    }

    [Fact]
    public void An_on_time_beat_of_a_shape_whose_beats_often_came_clearly_early_stays_a_pvc()
    {
        Assert.False(PacedRule.IsPaced(BeatClass.Ventricular, Wide, 300, RhythmRr, shapePrematureShare: 0.3));
        Assert.True(PacedRule.IsPaced(BeatClass.Ventricular, Wide, 300, RhythmRr, shapePrematureShare: 0.02));
    }
}
