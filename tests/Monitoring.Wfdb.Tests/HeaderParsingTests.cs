namespace Monitoring.Wfdb.Tests;

/// <summary>Header syntax variants and errors, on headers written by the test.</summary>
public sealed class HeaderParsingTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private WfdbHeader Read(string text)
    {
        _dir.Write("rec.hea", text);
        return WfdbRecordReader.ReadHeader(_dir.File("rec"));
    }

    private WfdbFormatException ReadFails(string text)
    {
        _dir.Write("rec.hea", text);
        return Assert.Throws<WfdbFormatException>(() => WfdbRecordReader.ReadHeader(_dir.File("rec")));
    }

    [Fact]
    public void CounterFrequencyBaseTimeDateAndCommentsAreIgnored()
    {
        var header = Read(
            "# leading comment\r\n" +
            "rec 2 360/180(0) 1000 12:30:00 01/02/2003\r\n" +
            "# comment between signal lines\r\n" +
            "rec.dat 16 100.5(-3)/uV 16 0 5 -7 0 lead I with spaces\r\n" +
            "\r\n" +
            "rec.dat 16+0 0/mV\r\n");

        Assert.Equal("rec", header.RecordName);
        Assert.Equal(360, header.SamplingFrequency);
        Assert.Equal(1000, header.SampleCount);
        Assert.Equal(new WfdbSignalInfo("rec.dat", 16, 100.5, -3, "uV", 16, 0, 5, -7, 0, "lead I with spaces"), header.Signals[0]);
        Assert.Equal(new WfdbSignalInfo("rec.dat", 16, 200, 0, "mV", 16, 0, 0, null, 0, ""), header.Signals[1]);
    }

    [Fact]
    public void MissingFieldsTakeWfdbDefaults()
    {
        var header = Read("rec 1\nrec.dat 212\n");

        Assert.Equal(250, header.SamplingFrequency);
        Assert.Equal(0, header.SampleCount);
        Assert.Equal(new WfdbSignalInfo("rec.dat", 212, 200, 0, "mV", 12, 0, 0, null, 0, ""), header.Signals[0]);
    }

    [Fact]
    public void BaselineDefaultsToAdcZero()
    {
        var header = Read("rec 1 500 10\nrec.dat 80 50 8 -4\n");

        Assert.Equal(-4, header.Signals[0].AdcZero);
        Assert.Equal(-4, header.Signals[0].Baseline);
        Assert.Equal(-4, header.Signals[0].InitialValue);
    }

    [Fact]
    public void ByteOffsetSuffixIsParsed()
    {
        var header = Read("rec 1 500 10\nrec.dat 16+512 200\n");

        Assert.Equal(16, header.Signals[0].Format);
        Assert.Equal(512, header.Signals[0].ByteOffset);
    }

    [Fact]
    public void BadGain_NamesFileLineAndValue()
    {
        var e = ReadFails("rec 2 360 10\nrec.dat 212 200 11 1024\nrec.dat 212 abc 11 1024\n");

        Assert.Equal("rec.hea line 3: gain 'abc' is not a number", e.Message);
        Assert.Equal(3, e.LineNumber);
        Assert.EndsWith("rec.hea", e.FilePath);
    }

    [Theory]
    [InlineData("rec x 360 10\n", "signal count 'x'")]
    [InlineData("rec 0 fast 10\n", "sampling frequency 'fast'")]
    [InlineData("rec 0 360 1e3\n", "sample count '1e3'")]
    [InlineData("rec 1 360 10\nrec.dat 2x2\n", "format '2x2'")]
    [InlineData("rec 1 360 10\nrec.dat mit\n", "format 'mit'")]
    [InlineData("rec 1 360 10\nrec.dat 212 200(x)\n", "baseline '200(x)'")]
    [InlineData("rec 1 360 10\nrec.dat 212 200 11 zero\n", "ADC zero 'zero'")]
    [InlineData("rec 1 360 10\nrec.dat 212 200 11 0 1.5\n", "initial value '1.5'")]
    [InlineData("rec 1 360 10\nrec.dat 212 200 11 0 0 sum\n", "checksum 'sum'")]
    public void BadNumbers_AreFormatErrorsNamingTheField(string text, string expected)
    {
        var e = ReadFails(text);

        Assert.StartsWith("rec.hea line ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void MultiSegmentRecord_IsRejected()
    {
        var e = ReadFails("multi/3 2 360 1000\nseg1 400\nseg2 600\n");

        Assert.Contains("rec.hea", e.Message);
        Assert.Contains("multi-segment records are not supported", e.Message);
    }

    [Fact]
    public void MultiFrequencyRecord_IsRejected()
    {
        var e = ReadFails("rec 1 360 10\nrec.dat 212x2 200\n");

        Assert.Contains("not supported", e.Message);
    }

    [Fact]
    public void FewerSignalLinesThanDeclared_IsAnError()
    {
        var e = ReadFails("rec 2 360 10\nrec.dat 212 200\n# a comment is not a signal line\n");

        Assert.Contains("rec.hea", e.Message);
        Assert.Contains("declares 2 signals", e.Message);
    }

    [Fact]
    public void EmptyHeader_IsAnError()
    {
        var e = ReadFails("# only a comment\n\n");

        Assert.Contains("rec.hea", e.Message);
    }

    [Fact]
    public void MissingHeader_IsAFormatErrorNamingTheFile()
    {
        var e = Assert.Throws<WfdbFormatException>(() => WfdbRecordReader.ReadHeader(_dir.File("absent")));

        Assert.Contains("absent.hea", e.Message);
        Assert.IsType<FileNotFoundException>(e.InnerException);
    }

    [Fact]
    public void MissingDirectory_IsAFormatErrorNamingTheFile()
    {
        var e = Assert.Throws<WfdbFormatException>(() => WfdbRecordReader.ReadHeader(_dir.File(Path.Combine("nowhere", "absent"))));

        Assert.Contains("absent.hea", e.Message);
    }
}
