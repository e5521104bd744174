using Monitoring.Wfdb;
using static Monitoring.Evaluation.Tests.Ann;

namespace Monitoring.Evaluation.Tests;

public class VfEpisodeTests
{
    /// <summary>Normal beats every second, with a reference flutter episode from 10000 to 15000.</summary>
    private static List<WfdbAnnotation> ReferenceWithFlutter()
    {
        var reference = Normals(360, 30_000);
        reference.Add(VfOn(10_000));
        reference.Add(new WfdbAnnotation(10_500, AnnotationCode.Flwav));
        reference.Add(V(11_000));   // a beat inside the episode: not scored
        reference.Add(VfOff(15_000));
        return reference.OrderBy(a => a.Sample).ToList();
    }

    [Fact]
    public void ReferenceBeatsInsideVfAreNotScored()
    {
        var reference = ReferenceWithFlutter();
        int scored = Normals(360, 30_000).Count(b => b.Sample is < 10_000 or > 15_000);
        var test = Normals(360, 30_000).Where(b => b.Sample is < 10_000 or > 15_000).ToList();

        var result = Compare(reference, test);
        Assert.Equal(scored, result.ReferenceBeats);
        Assert.Equal(scored, result.QrsTp);
        Assert.Equal(0, result.QrsFn);
        Assert.Equal(0, result.QrsFp);
    }

    [Fact]
    public void TestBeatsInsideReferenceVfAreNotCounted()
    {
        var reference = ReferenceWithFlutter();
        var test = Normals(360, 30_000);   // the detector keeps firing during flutter, and at 10000 and 15000
        test.Add(N(10_000));
        test.Add(N(15_000));
        test.Sort((a, b) => a.Sample.CompareTo(b.Sample));

        var result = Compare(reference, test);
        Assert.Equal(0, result.QrsFn);
        Assert.Equal(0, result.QrsFp);
    }

    [Fact]
    public void TestVfEpisodesHideTheTestBeatsButNotTheReferenceBeats()
    {
        // bxb gives reference beats no special treatment during test-marked VF: they are missed.
        var reference = Normals(360, 30_000);
        var test = Normals(360, 30_000);
        test.Add(VfOn(10_000));
        test.Add(VfOff(15_000));
        test.Sort((a, b) => a.Sample.CompareTo(b.Sample));

        var result = Compare(reference, test);
        int inside = reference.Count(b => b.Sample is >= 10_000 and <= 15_000);
        Assert.Equal(inside, result.QrsFn);
        Assert.Equal(inside, result.Matrix[Ec57Class.N, Ec57Class.O]);
        Assert.Equal(0, result.QrsFp);
    }

    [Fact]
    public void AnUnterminatedEpisodeLastsToTheEnd()
    {
        var reference = Normals(360, 30_000);
        reference.Add(VfOn(20_000));
        reference.Sort((a, b) => a.Sample.CompareTo(b.Sample));
        var test = Normals(360, 30_000);

        var result = Compare(reference, test);
        Assert.Equal(Normals(360, 30_000).Count(b => b.Sample < 20_000), result.QrsTp);
        Assert.Equal(0, result.QrsFp);
    }
}
