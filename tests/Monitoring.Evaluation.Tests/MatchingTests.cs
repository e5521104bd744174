using static Monitoring.Evaluation.Tests.Ann;

namespace Monitoring.Evaluation.Tests;

public class MatchingTests
{
    [Fact]
    public void IdenticalAnnotationsMatchEveryBeat()
    {
        var beats = Normals(1000, 20000);
        var result = Compare(beats, beats);
        Assert.Equal(beats.Count, result.QrsTp);
        Assert.Equal(0, result.QrsFn);
        Assert.Equal(0, result.QrsFp);
        Assert.Equal(100.0, result.QrsSensitivity);
        Assert.Equal(100.0, result.QrsPositivePredictivity);
    }

    [Fact]
    public void WindowOf150MsIsInclusiveAt360Hz()
    {
        // 54 samples = 150.0 ms is in; 55 samples (152.8 ms, the first sample past 151 ms) is out.
        var reference = new[] { N(1000), N(2000), N(3000), N(4000) };
        var test = new[] { N(1054), N(1946), N(3055), N(3945) };
        var result = Compare(reference, test);
        Assert.Equal(2, result.QrsTp);
        Assert.Equal(2, result.QrsFn);
        Assert.Equal(2, result.QrsFp);
    }

    [Fact]
    public void WindowOf150MsIsInclusiveAt1000Hz()
    {
        var reference = new[] { N(1000), N(2000), N(3000), N(4000) };
        var test = new[] { N(1150), N(1850), N(3151), N(3849) };
        var result = Compare(reference, test, fs: 1000);
        Assert.Equal(2, result.QrsTp);
        Assert.Equal(2, result.QrsFn);
        Assert.Equal(2, result.QrsFp);
    }

    [Fact]
    public void WindowIsConfigurable()
    {
        var reference = new[] { N(1000) };
        var test = new[] { N(1072) };   // 200 ms late
        Assert.Equal(0, Compare(reference, test).QrsTp);
        Assert.Equal(1, Compare(reference, test, new Ec57Options(MatchWindowSeconds: 0.2, FromSeconds: 0)).QrsTp);
    }

    [Fact]
    public void TwoTestBeatsNearOneReferenceBeatPairOnlyTheCloserOne()
    {
        var reference = new[] { N(1000), N(2000) };
        var test = new[] { N(990), N(1004), N(2000) };
        var result = Compare(reference, test);
        Assert.Equal(2, result.QrsTp);
        Assert.Equal(0, result.QrsFn);
        Assert.Equal(1, result.QrsFp);
    }

    [Fact]
    public void TwoReferenceBeatsNearOneTestBeatPairOnlyTheCloserOne()
    {
        var reference = new[] { N(1000), N(1100), N(2000) };
        var test = new[] { N(1040), N(2000) };
        var result = Compare(reference, test);
        Assert.Equal(2, result.QrsTp);
        Assert.Equal(1, result.QrsFn);
        Assert.Equal(0, result.QrsFp);
        // The closer reference beat (1000, an N) was paired; the missed one is in the o column.
        Assert.Equal(1, result.Matrix[Ec57Class.N, Ec57Class.O]);
    }

    [Fact]
    public void FastRhythmsUseTheLookAheadRuleOfBxb()
    {
        // The example in bxb's comments (window 37 samples): test1 is as far from ref2 as from ref1,
        // but test2 fits ref2 better, so ref1/test1 and ref2/test2 pair. 0.148 s at 250 Hz = 37 samples.
        var reference = new[] { N(96), N(160) };
        var test = new[] { N(128), N(185) };
        var result = Compare(reference, test, new Ec57Options(MatchWindowSeconds: 0.148, FromSeconds: 0), fs: 250);
        Assert.Equal(2, result.QrsTp);
        Assert.Equal(0, result.QrsFn);
        Assert.Equal(0, result.QrsFp);
    }

    [Fact]
    public void NonBeatAnnotationsAreIgnored()
    {
        var reference = new List<Monitoring.Wfdb.WfdbAnnotation>(Normals(1000, 5000))
        {
            new(1500, Monitoring.Wfdb.AnnotationCode.Rhythm, Aux: "(N"),
            new(2500, Monitoring.Wfdb.AnnotationCode.Arfct),
            new(3500, Monitoring.Wfdb.AnnotationCode.Napc),
            new(4500, Monitoring.Wfdb.AnnotationCode.Flwav),
        };
        var test = Normals(1000, 5000);
        test.Add(new(2600, Monitoring.Wfdb.AnnotationCode.Note));
        var result = Compare(reference.OrderBy(a => a.Sample).ToList(), test);
        Assert.Equal(test.Count - 1, result.QrsTp);
        Assert.Equal(0, result.QrsFn);
        Assert.Equal(0, result.QrsFp);
    }

    [Fact]
    public void TestBeatsAfterTheLastReferenceBeatAreFalsePositives()
    {
        var test = Normals(1000, 8000);
        var result = Compare(Normals(1000, 5000), test);
        Assert.Equal(0, result.QrsFn);
        Assert.Equal(test.Count(beat => beat.Sample > 5000), result.QrsFp);
    }

    [Fact]
    public void EmptyTestMissesEveryBeatAndLeavesPositivePredictivityUndefined()
    {
        var result = Compare(Normals(1000, 5000), []);
        Assert.Equal(0.0, result.QrsSensitivity);
        Assert.Null(result.QrsPositivePredictivity);
        Assert.Null(Compare([], []).QrsSensitivity);
    }

    [Fact]
    public void InvalidArgumentsAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Compare([], [], fs: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Compare([], [], new Ec57Options(FromSeconds: 10, ToSeconds: 5)));
    }
}
