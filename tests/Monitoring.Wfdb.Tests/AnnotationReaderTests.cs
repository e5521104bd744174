namespace Monitoring.Wfdb.Tests;

/// <summary>The reader on hand-made annotation bytes: field semantics and truncated input.</summary>
public class AnnotationReaderTests
{
    [Fact]
    public void DeltasAccumulate_AndZeroWordEndsTheFile()
    {
        var annotations = new AnnotationBytes()
            .Word(AnnotationCode.Normal, 100)
            .Word(AnnotationCode.Pvc, 1023)
            .End()
            .Word(AnnotationCode.Normal, 5) // after the end: ignored
            .Read();

        Assert.Equal([new WfdbAnnotation(100, AnnotationCode.Normal), new WfdbAnnotation(1123, AnnotationCode.Pvc)], annotations);
    }

    [Fact]
    public void Skip_IsHighWordFirst_AndMayBeNegative()
    {
        var annotations = new AnnotationBytes()
            .Skip(70000).Word(AnnotationCode.Normal, 0)
            .Skip(-1).Word(AnnotationCode.NotQrs, 1) // how WFDB writes a NOTQRS at the same time as the previous annotation
            .End()
            .Read();

        Assert.Equal([new WfdbAnnotation(70000, AnnotationCode.Normal), new WfdbAnnotation(70000, AnnotationCode.NotQrs)], annotations);
    }

    [Fact]
    public void SubAppliesToOneAnnotation_ChannelAndNumberAreSticky()
    {
        var annotations = new AnnotationBytes()
            .Word(AnnotationCode.Noise, 10).Word(61, -1).Word(62, 3).Word(60, -90)
            .Word(AnnotationCode.Normal, 10)
            .Word(AnnotationCode.Normal, 10).Word(62, 0)
            .End()
            .Read();

        Assert.Equal(
            [
                new WfdbAnnotation(10, AnnotationCode.Noise, SubType: -1, Channel: 3, Number: -90),
                new WfdbAnnotation(20, AnnotationCode.Normal, Channel: 3, Number: -90),
                new WfdbAnnotation(30, AnnotationCode.Normal, Channel: 0, Number: -90),
            ],
            annotations);
    }

    [Fact]
    public void Aux_IsAttachedToThePrecedingAnnotation_AndEndsAtNul()
    {
        var annotations = new AnnotationBytes()
            .Word(AnnotationCode.Rhythm, 9).Aux("(N\0")
            .Word(AnnotationCode.Rhythm, 1).Aux("(AFIB")
            .Word(AnnotationCode.Normal, 1)
            .End()
            .Read();

        Assert.Equal(
            [
                new WfdbAnnotation(9, AnnotationCode.Rhythm, Aux: "(N"),
                new WfdbAnnotation(10, AnnotationCode.Rhythm, Aux: "(AFIB"),
                new WfdbAnnotation(11, AnnotationCode.Normal),
            ],
            annotations);
    }

    [Fact]
    public void TimeResolutionNote_IsAnOrdinaryAnnotation()
    {
        var annotations = new AnnotationBytes()
            .Word(AnnotationCode.Note, 0).Aux("## time resolution: 1000")
            .Word(AnnotationCode.Normal, 500)
            .End()
            .Read();

        Assert.Equal(
            [new WfdbAnnotation(0, AnnotationCode.Note, Aux: "## time resolution: 1000"), new WfdbAnnotation(500, AnnotationCode.Normal)],
            annotations);
    }

    [Fact]
    public void CodeZeroWithNonzeroDelta_IsANotQrsAnnotation()
    {
        var annotations = new AnnotationBytes().Word(AnnotationCode.NotQrs, 7).End().Read();

        Assert.Equal([new WfdbAnnotation(7, AnnotationCode.NotQrs)], annotations);
    }

    [Fact]
    public void MissingEndWord_IsAccepted()
    {
        var annotations = new AnnotationBytes().Word(AnnotationCode.Normal, 7).Read();

        Assert.Equal([new WfdbAnnotation(7, AnnotationCode.Normal)], annotations);
    }

    [Fact]
    public void OddLength_IsAFormatError()
    {
        var e = Assert.Throws<WfdbFormatException>(() => new AnnotationBytes().Word(AnnotationCode.Normal, 7).End().Raw(1).Read("odd.atr"));

        Assert.Contains("odd.atr", e.Message);
        Assert.Equal("odd.atr", e.FilePath);
    }

    [Fact]
    public void SkipWithoutItsInterval_IsAFormatError()
    {
        var e = Assert.Throws<WfdbFormatException>(() => new AnnotationBytes().Word(59, 0).Raw(1, 0).Read("skip.atr"));

        Assert.Contains("skip.atr", e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void AuxRunningPastTheEnd_IsAFormatError()
    {
        var e = Assert.Throws<WfdbFormatException>(
            () => new AnnotationBytes().Word(AnnotationCode.Rhythm, 5).Word(63, 5).Raw((byte)'(', (byte)'N').Read("aux.atr"));

        Assert.Contains("aux.atr", e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void AuxBeforeAnyAnnotation_IsAFormatError()
    {
        var e = Assert.Throws<WfdbFormatException>(() => new AnnotationBytes().Aux("(N").End().Read("first.atr"));

        Assert.Contains("first.atr", e.Message);
    }

    [Fact]
    public void TruncatedRealFile_IsAFormatError()
    {
        byte[] real = File.ReadAllBytes(SharedData.Record("mitdb", "208") + ".atr");

        var e = Assert.Throws<WfdbFormatException>(() => WfdbAnnotationReader.Read(new MemoryStream(real[..1001]), "208.atr"));

        Assert.Contains("208.atr", e.Message);
    }

    [Fact]
    public void MissingFile_IsAFormatErrorNamingTheFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}.atr");

        var e = Assert.Throws<WfdbFormatException>(() => WfdbAnnotationReader.Read(path));

        Assert.Contains(Path.GetFileName(path), e.Message);
    }
}
