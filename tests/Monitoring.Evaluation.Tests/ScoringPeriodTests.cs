using static Monitoring.Evaluation.Tests.Ann;

namespace Monitoring.Evaluation.Tests;

public class ScoringPeriodTests
{
    private const long Start = 300 * 360;   // 5:00 at 360 Hz

    [Fact]
    public void DefaultOptionsSkipTheFirstFiveMinutes()
    {
        var reference = Normals(180, 200_000);
        var test = Normals(180, 200_000);
        test.Add(N(50_000 + 180));            // an extra detection in the learning period: not counted
        test.Sort((a, b) => a.Sample.CompareTo(b.Sample));

        var result = Compare(reference, test, Ec57Options.Standard);
        Assert.Equal(reference.Count(b => b.Sample >= Start), result.QrsTp);
        Assert.Equal(0, result.QrsFn);
        Assert.Equal(0, result.QrsFp);
    }

    [Fact]
    public void FromZeroScoresTheWholeRecord()
    {
        var reference = Normals(180, 200_000);
        var result = Compare(reference, reference, new Ec57Options(FromSeconds: 0));
        Assert.Equal(reference.Count, result.QrsTp);
    }

    [Fact]
    public void ATestBeatJustBeforeTheStartMayMatchTheFirstScoredReferenceBeat()
    {
        var reference = new[] { N(Start + 10), N(Start + 370) };
        var test = new[] { N(Start - 10), N(Start + 370) };
        var result = Compare(reference, test, Ec57Options.Standard);
        Assert.Equal(2, result.QrsTp);
        Assert.Equal(0, result.QrsFn);
        Assert.Equal(0, result.QrsFp);
    }

    [Fact]
    public void AFirstTestBeatThatBelongsToALearningPeriodBeatIsDropped()
    {
        // The reference beat at Start-20 is not scored; its detection at Start is not a false positive.
        var reference = new[] { N(Start - 20), N(Start + 300), N(Start + 660) };
        var test = new[] { N(Start), N(Start + 300), N(Start + 660) };
        var result = Compare(reference, test, Ec57Options.Standard);
        Assert.Equal(2, result.QrsTp);
        Assert.Equal(0, result.QrsFn);
        Assert.Equal(0, result.QrsFp);
    }

    [Fact]
    public void ScoringStopsAtTheEndTime()
    {
        var reference = Normals(180, 200_000);
        var test = Normals(180, 200_000);
        var options = new Ec57Options(FromSeconds: 0, ToSeconds: 400);
        var result = Compare(reference, test, options);
        Assert.Equal(reference.Count(b => b.Sample <= 400 * 360), result.QrsTp);
        Assert.Equal(0, result.QrsFp);

        // Misses and extra beats after the end are not counted either.
        var sparse = test.Where(b => b.Sample <= 400 * 360 || b.Sample % 720 == 180).ToList();
        Assert.Equal(0, Compare(reference, sparse, options).QrsFn);
    }
}
