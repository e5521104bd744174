using Monitoring.Wfdb;
using static Monitoring.Evaluation.Tests.Ann;

namespace Monitoring.Evaluation.Tests;

public class ConfusionTests
{
    /// <summary>
    /// One reference/test pair per second: Nn, Nv, Ns, Vv, Vn, Ss, Sn, Fv, Qv, a missed V (Vo) and an
    /// extra V (Ov).
    /// </summary>
    private static RecordComparison MixedRecord()
    {
        var pairs = new (WfdbAnnotation? Reference, WfdbAnnotation? Test)[]
        {
            (N(0), N(0)), (N(0), V(0)), (N(0), A(0)), (V(0), V(0)), (V(0), N(0)), (A(0), A(0)),
            (A(0), N(0)), (F(0), V(0)), (Paced(0), V(0)), (V(0), null), (null, V(0)),
        };
        var reference = new List<WfdbAnnotation>();
        var test = new List<WfdbAnnotation>();
        for (int i = 0; i < pairs.Length; i++)
        {
            long sample = 1000 + 360L * i;
            if (pairs[i].Reference is { } r) reference.Add(r with { Sample = sample });
            if (pairs[i].Test is { } t) test.Add(t with { Sample = sample + 10 });
        }

        return Compare(reference, test);
    }

    [Fact]
    public void EveryPairLandsInItsCell()
    {
        var m = MixedRecord().Matrix;
        Assert.Equal(1, m[Ec57Class.N, Ec57Class.N]);
        Assert.Equal(1, m[Ec57Class.N, Ec57Class.V]);
        Assert.Equal(1, m[Ec57Class.N, Ec57Class.S]);
        Assert.Equal(1, m[Ec57Class.V, Ec57Class.V]);
        Assert.Equal(1, m[Ec57Class.V, Ec57Class.N]);
        Assert.Equal(1, m[Ec57Class.S, Ec57Class.S]);
        Assert.Equal(1, m[Ec57Class.S, Ec57Class.N]);
        Assert.Equal(1, m[Ec57Class.F, Ec57Class.V]);
        Assert.Equal(1, m[Ec57Class.Q, Ec57Class.V]);
        Assert.Equal(1, m[Ec57Class.V, Ec57Class.O]);
        Assert.Equal(1, m[Ec57Class.O, Ec57Class.V]);
        Assert.Equal(11, Enum.GetValues<Ec57Class>().Sum(r => Enum.GetValues<Ec57Class>().Sum(c => m[r, c])));
    }

    [Fact]
    public void QrsCountsIgnoreClassesAndIncludeSAndQRows()
    {
        var result = MixedRecord();
        Assert.Equal(9, result.QrsTp);
        Assert.Equal(1, result.QrsFn);
        Assert.Equal(1, result.QrsFp);
        Assert.Equal(90.0, result.QrsSensitivity);
        Assert.Equal(90.0, result.QrsPositivePredictivity);
    }

    [Fact]
    public void VebStatisticsUseBxbCells()
    {
        var result = MixedRecord();
        // TP = Vv = 1; FN = Vn + Vo = 2; FP = Nv + Ov = 2 (Fv and Qv are not false positives).
        Assert.Equal(1, result.Matrix.VebTruePositives);
        Assert.Equal(2, result.Matrix.VebFalseNegatives);
        Assert.Equal(2, result.Matrix.VebFalsePositives);
        Assert.Equal(100.0 / 3, result.VebSensitivity!.Value, 9);
        Assert.Equal(100.0 / 3, result.VebPositivePredictivity!.Value, 9);
        // FPR = FP / (TN + FP); TN = N, S, F, Q, O, X rows by n, s, f, q columns = Nn + Ns + Ss + Sn = 4.
        Assert.Equal(4, result.Matrix.VebTrueNegatives);
        Assert.Equal(100.0 * 2 / 6, result.VebFalsePositiveRate!.Value, 9);
    }

    [Fact]
    public void SvebStatisticsUseBxbCells()
    {
        var result = MixedRecord();
        // TP = Ss = 1; FN = Sn = 1; FP = Ns = 1.
        Assert.Equal(50.0, result.SvebSensitivity);
        Assert.Equal(50.0, result.SvebPositivePredictivity);
    }

    [Fact]
    public void StatisticsWithoutEctopicBeatsAreUndefined()
    {
        var beats = Normals(360, 36_000);
        var result = Compare(beats, beats);
        Assert.Null(result.VebSensitivity);
        Assert.Null(result.VebPositivePredictivity);
        Assert.Null(result.SvebSensitivity);
        Assert.Null(result.SvebPositivePredictivity);
        Assert.Equal(0.0, result.VebFalsePositiveRate);
    }

    [Fact]
    public void CellsWithoutABeatOnEitherSideDoNotExist()
    {
        var matrix = new ConfusionMatrix();
        Assert.Throws<ArgumentException>(() => matrix.Add(Ec57Class.O, Ec57Class.X));
        matrix.Add(Ec57Class.V, Ec57Class.X, 3);
        Assert.Equal(3, matrix.ShutdownBeats);
    }

    [Theory]
    [InlineData(AnnotationCode.Normal, Ec57Class.N)]
    [InlineData(AnnotationCode.Lbbb, Ec57Class.N)]
    [InlineData(AnnotationCode.Rbbb, Ec57Class.N)]
    [InlineData(AnnotationCode.Aesc, Ec57Class.N)]
    [InlineData(AnnotationCode.Nesc, Ec57Class.N)]
    [InlineData(AnnotationCode.Bbb, Ec57Class.N)]
    [InlineData(AnnotationCode.Apc, Ec57Class.S)]
    [InlineData(AnnotationCode.Aberrant, Ec57Class.S)]
    [InlineData(AnnotationCode.Npc, Ec57Class.S)]
    [InlineData(AnnotationCode.Svpb, Ec57Class.S)]
    [InlineData(AnnotationCode.Svesc, Ec57Class.S)]
    [InlineData(AnnotationCode.Pvc, Ec57Class.V)]
    [InlineData(AnnotationCode.Vesc, Ec57Class.V)]
    [InlineData(AnnotationCode.RonT, Ec57Class.V)]
    [InlineData(AnnotationCode.Fusion, Ec57Class.F)]
    [InlineData(AnnotationCode.Pace, Ec57Class.Q)]
    [InlineData(AnnotationCode.Pfus, Ec57Class.Q)]
    [InlineData(AnnotationCode.Unknown, Ec57Class.Q)]
    [InlineData(AnnotationCode.Learn, Ec57Class.Q)]
    public void BeatCodesMapToAamiClasses(int code, Ec57Class expected)
    {
        Assert.True(AnnotationCode.IsBeat(code));
        Assert.Equal(expected, AamiClassMap.FromCode(code));
    }

    [Fact]
    public void EveryBeatCodeHasAClassAndNoOtherCodeHasOne()
    {
        for (int code = 0; code <= AnnotationCode.MaxCode; code++)
            Assert.Equal(AnnotationCode.IsBeat(code), AamiClassMap.FromCode(code) is not null);
    }
}
