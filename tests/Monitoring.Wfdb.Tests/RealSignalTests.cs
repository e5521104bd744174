using System.Diagnostics;

namespace Monitoring.Wfdb.Tests;

/// <summary>Decoding real PhysioNet records: checksums and initial values in the headers cross-check every sample.</summary>
public class RealSignalTests
{
    public static TheoryData<string, string> AllRecords()
    {
        var data = new TheoryData<string, string>();
        foreach (var (database, record) in SharedData.AllRecords())
        {
            data.Add(database, record);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllRecords))]
    public void EveryRecord_DecodesWithMatchingChecksumsAndInitialValues(string database, string record)
    {
        // ReadSignals throws when a checksum in the header does not match the decoded samples.
        var signals = WfdbRecordReader.ReadSignals(SharedData.Record(database, record));

        Assert.True(signals.SampleCount > 0);
        for (int i = 0; i < signals.SignalCount; i++)
        {
            var info = signals.Header.Signals[i];
            Assert.NotNull(info.Checksum);
            short[] samples = signals.GetSignal(i);
            Assert.Equal(signals.SampleCount, samples.Length);
            Assert.Equal(info.InitialValue, samples[0]);
        }
    }

    [Fact]
    public void Mitdb208_FirstSamplesGainAndBaseline()
    {
        var signals = WfdbRecordReader.ReadSignals(SharedData.Record("mitdb", "208"));

        Assert.Equal(2, signals.SignalCount);
        Assert.Equal(650000, signals.SampleCount);
        Assert.Equal(1003, signals.GetSignal(0)[0]);
        Assert.Equal(1062, signals.GetSignal(1)[0]);
        Assert.Equal(200, signals.GetGain(0));
        Assert.Equal(1024, signals.GetBaseline(1));

        // A physiological amplitude: MLII stays within +-10 mV around the baseline.
        Assert.All(signals.GetSignal(0), s => Assert.InRange((s - 1024) / 200.0, -10, 10));
    }

    [Fact]
    public void Nstdb118e00_Format16MatchesTheSameRecordInFormat212()
    {
        // 118e00 (format 16) and 118e06 (format 212) are 118 with different noise added, but the first
        // samples are the noise-free start of record 118 in both.
        var format16 = WfdbRecordReader.ReadSignals(SharedData.Record("nstdb", "118e00"));
        var format212 = WfdbRecordReader.ReadSignals(SharedData.Record("nstdb", "118e06"));

        Assert.Equal(format212.GetSignal(0)[0], format16.GetSignal(0)[0]);
        Assert.Equal(format212.GetSignal(1)[0], format16.GetSignal(1)[0]);
    }

    [Fact]
    public void GetSignal_RejectsBadIndex()
    {
        var signals = WfdbRecordReader.ReadSignals(SharedData.Record("cudb", "cu01"));

        Assert.Throws<ArgumentOutOfRangeException>(() => signals.GetSignal(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => signals.GetGain(-1));
    }

    [Fact]
    public void ThirtyMinuteTwoChannelRecord_ReadsWellUnderASecond()
    {
        string record = SharedData.Record("mitdb", "208");
        WfdbRecordReader.ReadSignals(record); // warm up JIT and file cache

        var watch = Stopwatch.StartNew();
        WfdbRecordReader.ReadSignals(record);
        watch.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed.TotalMilliseconds:F0} ms");
    }
}
