namespace Monitoring.Wfdb.Tests;

/// <summary>Tiny records written by the test in each supported format, read back sample by sample.</summary>
public sealed class SyntheticSignalTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Writes rec.hea and rec.dat with all signals interleaved in one file, with checksums.</summary>
    private string WriteRecord(int format, int[][] signals, bool withSampleCount = true)
    {
        string header = $"rec {signals.Length} 500 {(withSampleCount ? signals[0].Length : 0)}\n";
        foreach (int[] signal in signals)
        {
            header += $"rec.dat {format} 100(7)/mV 12 0 {signal[0]} {SampleEncoder.Checksum(signal)} 0 lead\n";
        }

        _dir.Write("rec.hea", header);
        _dir.Write("rec.dat", SampleEncoder.Encode(format, signals));
        return _dir.File("rec");
    }

    private static void AssertSignals(int[][] expected, WfdbSignals actual)
    {
        Assert.Equal(expected.Length, actual.SignalCount);
        Assert.Equal(expected[0].Length, actual.SampleCount);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual.GetSignal(i).Select(s => (int)s));
        }
    }

    [Fact]
    public void Format212_TwoSignalsIncludingExtremesAndNegatives()
    {
        int[][] signals = [[0, -1, 2047, -2048, 5, -300, 1024], [1, -2, -2048, 2047, -5, 300, -1024]];

        var read = WfdbRecordReader.ReadSignals(WriteRecord(212, signals));

        AssertSignals(signals, read);
        Assert.Equal(100, read.GetGain(1));
        Assert.Equal(7, read.GetBaseline(1));
    }

    [Fact]
    public void Format212_OddSampleCountOfOneSignal_EndsWithTwoBytes()
    {
        int[][] signals = [[-7, 100, -2048, 2047, 3]];

        string record = WriteRecord(212, signals);

        Assert.Equal(8, new FileInfo(record + ".dat").Length); // 2 pairs of 3 bytes + a lone sample of 2 bytes
        AssertSignals(signals, WfdbRecordReader.ReadSignals(record));
    }

    [Fact]
    public void Format212_ThreeSignals_PairsRunAcrossFrames()
    {
        int[][] signals = [[1, 4, 7, -10], [2, 5, -8, 11], [-3, 6, 9, -12]];

        AssertSignals(signals, WfdbRecordReader.ReadSignals(WriteRecord(212, signals)));
    }

    [Fact]
    public void Format16_IncludingExtremesAndNegatives()
    {
        int[][] signals = [[0, -1, 32767, -32768, 1234], [-32768, 32767, -2, 256, -256]];

        AssertSignals(signals, WfdbRecordReader.ReadSignals(WriteRecord(16, signals)));
    }

    [Fact]
    public void Format80_OffsetBinaryIncludingNegatives()
    {
        int[][] signals = [[0, -1, 127, -128, 5], [-128, 127, -3, 64, -64]];

        string record = WriteRecord(80, signals);

        Assert.Equal(128, File.ReadAllBytes(record + ".dat")[0]); // 0 is stored as 128
        AssertSignals(signals, WfdbRecordReader.ReadSignals(record));
    }

    [Theory]
    [InlineData(212)]
    [InlineData(16)]
    [InlineData(80)]
    public void MissingSampleCount_IsDerivedFromTheFileLength(int format)
    {
        int[][] signals = [[1, -2, 3, -4, 5], [-6, 7, -8, 9, -10]];

        var read = WfdbRecordReader.ReadSignals(WriteRecord(format, signals, withSampleCount: false));

        Assert.Equal(5, read.Header.SampleCount);
        AssertSignals(signals, read);
    }

    [Fact]
    public void SignalsInSeparateFiles_WithDifferentFormats()
    {
        int[] first = [10, -20, 30];
        int[] second = [-1000, 2000, -3000];
        _dir.Write("rec.hea", $"rec 2 250 3\na.dat 80 200 8 0 10 {SampleEncoder.Checksum(first)}\nb.dat 16 200 16 0 -1000\n");
        _dir.Write("a.dat", SampleEncoder.Encode(80, [first]));
        _dir.Write("b.dat", SampleEncoder.Encode(16, [second]));

        AssertSignals([first, second], WfdbRecordReader.ReadSignals(_dir.File("rec")));
    }

    [Fact]
    public void ByteOffset_SkipsThePrefix()
    {
        int[] signal = [5, -6, 7];
        _dir.Write("rec.hea", "rec 1 250 3\nrec.dat 16+4 200\n");
        _dir.Write("rec.dat", [0xDE, 0xAD, 0xBE, 0xEF, .. SampleEncoder.Encode(16, [signal])]);

        AssertSignals([signal], WfdbRecordReader.ReadSignals(_dir.File("rec")));
    }

    [Fact]
    public void LongerFileThanTheHeaderSays_ReadsOnlyTheHeaderCount()
    {
        int[] signal = [1, 2, 3, 4];
        _dir.Write("rec.hea", "rec 1 250 2\nrec.dat 16 200\n");
        _dir.Write("rec.dat", SampleEncoder.Encode(16, [signal]));

        var read = WfdbRecordReader.ReadSignals(_dir.File("rec"));

        Assert.Equal(new short[] { 1, 2 }, read.GetSignal(0));
    }
}
