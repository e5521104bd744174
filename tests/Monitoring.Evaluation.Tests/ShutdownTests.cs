using Monitoring.Wfdb;
using static Monitoring.Evaluation.Tests.Ann;

namespace Monitoring.Evaluation.Tests;

public class ShutdownTests
{
    private static List<WfdbAnnotation> Sorted(IEnumerable<WfdbAnnotation> annotations) =>
        annotations.OrderBy(a => a.Sample).ToList();

    [Fact]
    public void ReferenceBeatsDuringTestShutdownGoToTheShutdownColumn()
    {
        var reference = Normals(360, 36_000);
        var test = Sorted(Normals(360, 36_000).Where(b => b.Sample is < 10_000 or > 20_000)
            .Append(Ec57.ShutdownStart(10_000)).Append(Ec57.ShutdownEnd(20_000)));

        var result = Compare(reference, test);
        int inside = reference.Count(b => b.Sample is >= 10_000 and <= 20_000);
        Assert.Equal(inside, result.ShutdownBeats);
        Assert.Equal(inside, result.Matrix[Ec57Class.N, Ec57Class.X]);
        Assert.Equal(0, result.Matrix[Ec57Class.N, Ec57Class.O]);
        // As in bxb, beats missed in shutdown still count as QRS false negatives.
        Assert.Equal(inside, result.QrsFn);
        Assert.Equal(reference.Count - inside, result.QrsTp);
        Assert.Equal(10_000 / 360.0, result.TestShutdownSeconds, 9);
    }

    [Fact]
    public void MissesOutsideTheShutdownStayInTheNoBeatColumn()
    {
        var reference = Normals(360, 36_000);
        var test = Sorted(Normals(360, 36_000).Where(b => b.Sample is < 10_000 or > 20_000 and not 30_240)
            .Append(Ec57.ShutdownStart(10_000)).Append(Ec57.ShutdownEnd(20_000)));

        var result = Compare(reference, test);
        Assert.Equal(1, result.Matrix[Ec57Class.N, Ec57Class.O]);
        Assert.Equal(result.ShutdownBeats + 1, result.QrsFn);
    }

    [Theory]
    [InlineData(-1, true)]      // MIT-BIH convention (what our reader returns for 0x3FF)
    [InlineData(1023, true)]    // the raw 10-bit field
    [InlineData(255, true)]
    [InlineData(0x30, true)]    // bits 4 and 5: both signals unreadable
    [InlineData(0x10, false)]   // only signal 0 unreadable: not a shutdown
    [InlineData(3, false)]      // both signals noisy but readable
    [InlineData(0, false)]
    public void OnlyNoiseSubtypesWithBits4And5StartAShutdown(int subType, bool isShutdown)
    {
        var reference = Normals(360, 36_000);
        var test = Sorted(Normals(360, 36_000).Where(b => b.Sample is < 10_000 or > 20_000)
            .Append(Noise(10_000, subType)).Append(Ec57.ShutdownEnd(20_000)));

        var result = Compare(reference, test);
        int inside = reference.Count(b => b.Sample is >= 10_000 and <= 20_000);
        Assert.Equal(isShutdown ? inside : 0, result.ShutdownBeats);
        Assert.Equal(inside, result.QrsFn);
    }

    [Fact]
    public void ALoneShutdownMarkFollowsTheAhaConvention()
    {
        // Without an end mark right after it, the shutdown runs from one window (54 samples) after the
        // previous beat to one window before the next annotation: [1054, 8946].
        var reference = new[] { N(1000), N(1050), N(1060), N(3000), N(5000), N(7000), N(8940), N(8950), N(9000) };
        var test = new[] { N(1000), Ec57.ShutdownStart(5000), N(9000) };

        var result = Compare(reference, test);
        Assert.Equal(2, result.QrsTp);
        Assert.Equal(5, result.ShutdownBeats);                    // 1060, 3000, 5000, 7000, 8940
        Assert.Equal(2, result.Matrix[Ec57Class.N, Ec57Class.O]); // 1050 and 8950
    }

    [Fact]
    public void TestBeatsDuringReferenceShutdownAreCountedInTheXRow()
    {
        var reference = Sorted(Normals(360, 36_000).Where(b => b.Sample is < 10_000 or > 20_000)
            .Append(Ec57.ShutdownStart(10_000)).Append(Ec57.ShutdownEnd(20_000)));
        var test = Normals(360, 36_000);

        var result = Compare(reference, test);
        int inside = test.Count(b => b.Sample is >= 10_000 and <= 20_000);
        Assert.Equal(inside, result.Matrix[Ec57Class.X, Ec57Class.N]);
        Assert.Equal(inside, result.QrsFp);
        Assert.Equal(0, result.QrsFn);
    }

    [Fact]
    public void ShutdownAnnotationsFollowTheDocumentedConvention()
    {
        Assert.Equal(new WfdbAnnotation(100, AnnotationCode.Noise, SubType: -1), Ec57.ShutdownStart(100));
        Assert.Equal(new WfdbAnnotation(200, AnnotationCode.Noise, SubType: 0), Ec57.ShutdownEnd(200));
        Assert.True(Ec57.IsShutdownStart(Ec57.ShutdownStart(100)));
        Assert.True(Ec57.IsShutdownEnd(Ec57.ShutdownEnd(200)));
        Assert.False(Ec57.IsShutdownStart(N(100)));
    }
}
