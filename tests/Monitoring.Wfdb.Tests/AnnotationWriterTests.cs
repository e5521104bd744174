namespace Monitoring.Wfdb.Tests;

/// <summary>The exact words the writer produces (as WFDB's putann does) and the input it refuses.</summary>
public class AnnotationWriterTests
{
    private static byte[] Write(params WfdbAnnotation[] annotations)
    {
        using var stream = new MemoryStream();
        WfdbAnnotationWriter.Write(stream, annotations);
        return stream.ToArray();
    }

    [Fact]
    public void SmallDelta_IsOneWord()
    {
        Assert.Equal(
            new AnnotationBytes().Word(AnnotationCode.Normal, 1023).End().ToArray(),
            Write(new WfdbAnnotation(1023, AnnotationCode.Normal)));
    }

    [Fact]
    public void LargeDelta_UsesSkipHighWordFirst()
    {
        // 70000 = 0x0001_1170: SKIP word, then 01 00 (high word), then 70 11 (low word), then the annotation with delta 0.
        byte[] expected = [0x00, 0xEC, 0x01, 0x00, 0x70, 0x11, 0x00, 0x04, 0x00, 0x00];

        Assert.Equal(expected, Write(new WfdbAnnotation(70000, AnnotationCode.Normal)));
    }

    [Fact]
    public void NotQrs_IsWrittenAsSkipToOneBeforeAndDeltaOne()
    {
        Assert.Equal(
            new AnnotationBytes().Word(AnnotationCode.Normal, 10).Skip(-1).Word(AnnotationCode.NotQrs, 1).End().ToArray(),
            Write(new WfdbAnnotation(10, AnnotationCode.Normal), new WfdbAnnotation(10, AnnotationCode.NotQrs)));
    }

    [Fact]
    public void PseudoWords_FollowTheAnnotation_OnlyWhenNeeded()
    {
        byte[] expected = new AnnotationBytes()
            .Word(AnnotationCode.Noise, 5).Word(61, -1).Word(62, 1).Word(60, 2).Aux("(N")
            .Word(AnnotationCode.Normal, 5) // same channel and number: no CHN/NUM words
            .Word(AnnotationCode.Normal, 5).Word(62, 0).Word(60, 0).Aux("odd")
            .End()
            .ToArray();

        Assert.Equal(
            expected,
            Write(
                new WfdbAnnotation(5, AnnotationCode.Noise, SubType: -1, Channel: 1, Number: 2, Aux: "(N"),
                new WfdbAnnotation(10, AnnotationCode.Normal, Channel: 1, Number: 2),
                new WfdbAnnotation(15, AnnotationCode.Normal, Aux: "odd")));
    }

    [Fact]
    public void DecreasingSamples_AreRejected()
    {
        var e = Assert.Throws<ArgumentException>(
            () => Write(new WfdbAnnotation(10, AnnotationCode.Normal), new WfdbAnnotation(9, AnnotationCode.Normal)));

        Assert.Contains("non-decreasing", e.Message);
    }

    [Theory]
    [InlineData(-1, AnnotationCode.Normal, 0, 0, 0)]
    [InlineData(0, -1, 0, 0, 0)]
    [InlineData(0, 59, 0, 0, 0)]
    [InlineData(0, AnnotationCode.Normal, 128, 0, 0)]
    [InlineData(0, AnnotationCode.Normal, 0, 256, 0)]
    [InlineData(0, AnnotationCode.Normal, 0, -1, 0)]
    [InlineData(0, AnnotationCode.Normal, 0, 0, -129)]
    public void FieldsWfdbCannotStore_AreRejected(long sample, int code, int subType, int channel, int number)
    {
        Assert.Throws<ArgumentException>(() => Write(new WfdbAnnotation(sample, code, subType, channel, number)));
    }

    [Fact]
    public void TooLongOrNulAux_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => Write(new WfdbAnnotation(0, AnnotationCode.Note, Aux: new string('x', 256))));
        Assert.Throws<ArgumentException>(() => Write(new WfdbAnnotation(0, AnnotationCode.Note, Aux: "a\0b")));
    }

    [Fact]
    public void InvalidInput_LeavesNoFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"wfdb-{Guid.NewGuid():N}.atr");

        Assert.Throws<ArgumentException>(
            () => WfdbAnnotationWriter.Write(path, [new WfdbAnnotation(10, AnnotationCode.Normal), new WfdbAnnotation(9, AnnotationCode.Normal)]));

        Assert.False(File.Exists(path));
    }
}
