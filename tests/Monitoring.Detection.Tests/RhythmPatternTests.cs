using Monitoring.Detection.Classification;

namespace Monitoring.Detection.Tests;

/// <summary>Irregularity once repeating patterns are allowed for (<see cref="RhythmPattern"/>).</summary>
public class RhythmPatternTests
{
    [Fact]
    public void Sinus_rhythm_with_an_isolated_early_beat_is_regular()
    {
        var pattern = new RhythmPattern();
        for (int i = 0; i < 40; i++) pattern.Add(i == 30 ? 180 : i == 31 ? 400 : 290);
        Assert.Equal(2.0 / RhythmPattern.Window, pattern.Irregularity, 6);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Bigeminy_and_trigeminy_are_regular(int period)
    {
        var pattern = new RhythmPattern();
        for (int i = 0; i < 60; i++) pattern.Add(i % period == 0 ? 200 : 400);
        Assert.Equal(0, pattern.Irregularity);
    }

    /// <summary>Intervals uniformly within ±36 % of their mean, as in atrial fibrillation: above the classifier's 0.45.</summary>
    [Fact]
    public void Random_intervals_are_irregular()
    {
        var random = new Random(3);
        var pattern = new RhythmPattern();
        for (int i = 0; i < 100; i++) pattern.Add(160 + random.Next(180));
        Assert.True(pattern.Irregularity > 0.45, $"{pattern.Irregularity:F2}");
    }

    [Fact]
    public void Irregularity_is_zero_until_the_window_is_full()
    {
        var pattern = new RhythmPattern();
        for (int i = 0; i < RhythmPattern.Window + RhythmPattern.PatternLength - 1; i++) pattern.Add(100 + 37 * (i % 5));
        Assert.Equal(0, pattern.Irregularity);
        pattern.Add(333);
        Assert.True(pattern.Irregularity > 0);
    }
}
