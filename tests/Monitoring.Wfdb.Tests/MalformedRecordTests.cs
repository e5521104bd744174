namespace Monitoring.Wfdb.Tests;

/// <summary>Broken records: each failure is a WfdbFormatException whose message names the offending file.</summary>
public sealed class MalformedRecordTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private WfdbFormatException ReadFails(string record = "rec") =>
        Assert.Throws<WfdbFormatException>(() => WfdbRecordReader.ReadSignals(_dir.File(record)));

    [Fact]
    public void MissingHeader()
    {
        var e = ReadFails("nothing");

        Assert.Contains("nothing.hea", e.Message);
    }

    [Fact]
    public void MissingSignalFile()
    {
        _dir.Write("rec.hea", "rec 1 250 3\ngone.dat 16 200\n");

        var e = ReadFails();

        Assert.Contains("gone.dat", e.Message);
        Assert.EndsWith("gone.dat", e.FilePath);
    }

    [Fact]
    public void TruncatedDat_NamesFileExpectedAndActualSize()
    {
        // 2 signals x 10 samples in format 212 need 30 bytes; give 29.
        _dir.Write("rec.hea", "rec 2 360 10\nrec.dat 212 200 11 1024\nrec.dat 212 200 11 1024\n");
        _dir.Write("rec.dat", new byte[29]);

        var e = ReadFails();

        Assert.Contains("rec.dat", e.Message);
        Assert.Contains("truncated", e.Message);
        Assert.Contains("30 bytes", e.Message);
        Assert.Contains("29 bytes", e.Message);
    }

    [Fact]
    public void TruncatedRealRecord()
    {
        string real = SharedData.Record("mitdb", "208");
        File.Copy(real + ".hea", _dir.File("208.hea"));
        _dir.Write("208.dat", File.ReadAllBytes(real + ".dat")[..1_000_000]);

        var e = ReadFails("208");

        Assert.Contains("208.dat", e.Message);
        Assert.Contains("1950000", e.Message);
        Assert.Contains("1000000", e.Message);
    }

    [Fact]
    public void BadChecksum()
    {
        _dir.Write("rec.hea", "rec 1 250 3\nrec.dat 16 200 16 0 1 7 0 lead\n"); // the samples sum to 6
        _dir.Write("rec.dat", SampleEncoder.Encode(16, [[1, 2, 3]]));

        var e = ReadFails();

        Assert.Contains("rec.dat", e.Message);
        Assert.Contains("checksum", e.Message);
        Assert.Contains("rec.hea", e.Message);
    }

    [Fact]
    public void UnsupportedFormat()
    {
        _dir.Write("rec.hea", "rec 1 250 3\nrec.dat 310 200\n");
        _dir.Write("rec.dat", new byte[8]);

        var e = ReadFails();

        Assert.Contains("rec.hea", e.Message);
        Assert.Contains("format 310", e.Message);
        Assert.Contains("not supported", e.Message);
    }

    [Fact]
    public void UnsupportedFormat_HeaderAloneStillReads()
    {
        _dir.Write("rec.hea", "rec 1 250 3\nrec.dat 310 200\n");

        Assert.Equal(310, WfdbRecordReader.ReadHeader(_dir.File("rec")).Signals[0].Format);
    }

    [Fact]
    public void BadNumberInHeader()
    {
        _dir.Write("rec.hea", "rec 1 250 3\nrec.dat 16 200 16 abc\n");

        var e = ReadFails();

        Assert.Equal("rec.hea line 2: ADC zero 'abc' is not an integer", e.Message);
    }

    [Fact]
    public void SignalsOfOneFileWithDifferentFormats()
    {
        _dir.Write("rec.hea", "rec 2 250 3\nrec.dat 16 200\nrec.dat 212 200\n");
        _dir.Write("rec.dat", new byte[12]);

        var e = ReadFails();

        Assert.Contains("rec.hea", e.Message);
    }
}
