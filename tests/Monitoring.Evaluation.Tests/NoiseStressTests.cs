using Monitoring.Testing;
using Monitoring.Wfdb;

namespace Monitoring.Evaluation.Tests;

/// <summary>Noise-stress records made the nstdb way, checked against the real nstdb 118e06 and 118e12.</summary>
public class NoiseStressTests
{
    private const double Fs = 360;

    [Fact]
    public void Noise_lies_in_two_minute_segments_every_other_two_minutes_from_five_minutes()
    {
        Assert.False(NoiseStress.InNoise(299 * 360, Fs));
        Assert.True(NoiseStress.InNoise(300 * 360, Fs));
        Assert.True(NoiseStress.InNoise(419 * 360, Fs));
        Assert.False(NoiseStress.InNoise(420 * 360, Fs));
        Assert.True(NoiseStress.InNoise(540 * 360, Fs));
    }

    /// <summary>
    /// The noise our mixer adds to mitdb 118 matches what nst added to make nstdb 118e06 and 118e12 (same <c>em</c>
    /// samples, scale within 3 %), and nothing is added outside the segments.
    /// </summary>
    [Theory]
    [InlineData("118e06", 6.0)]
    [InlineData("118e12", 12.0)]
    public void Mixing_em_into_118_reproduces_the_nstdb_record(string nstdbRecord, double snrDb)
    {
        short[] clean = WfdbRecordReader.ReadSignals(SharedData.Record("mitdb", "118")).GetSignal(0);
        short[] real = WfdbRecordReader.ReadSignals(SharedData.Record("nstdb", nstdbRecord)).GetSignal(0);
        short[] noise = WfdbRecordReader.ReadSignals(SharedData.Record("nstdb", "em")).GetSignal(0);
        var beats = WfdbAnnotationReader.Read(SharedData.Record("mitdb", "118") + ".atr")
            .Where(a => AnnotationCode.IsBeat(a.Code)).Select(a => a.Sample);

        short[] mixed = NoiseStress.Mix(clean, beats, noise, snrDb, Fs);

        // Least-squares slope of our added noise against nst's, each with its segment's mean removed (nst's records
        // also carry a constant offset per segment).
        double slope = Slope(clean, mixed, real, from: 300 * 360, to: 420 * 360);
        Assert.InRange(slope, 0.97, 1.03);
        Assert.Equal(clean[420 * 360 + 5], mixed[420 * 360 + 5]);
    }

    [Fact]
    public void Six_decibels_less_is_twice_the_noise()
    {
        short[] clean = WfdbRecordReader.ReadSignals(SharedData.Record("mitdb", "118")).GetSignal(0);
        short[] noise = WfdbRecordReader.ReadSignals(SharedData.Record("nstdb", "em")).GetSignal(0);
        long[] beats = WfdbAnnotationReader.Read(SharedData.Record("mitdb", "118") + ".atr")
            .Where(a => AnnotationCode.IsBeat(a.Code)).Select(a => a.Sample).ToArray();
        double power = NoiseStress.SignalPower(clean, beats, Fs);

        double ratio = NoiseStress.NoiseScale(power, noise, 6, Fs) / NoiseStress.NoiseScale(power, noise, 12, Fs);

        Assert.InRange(ratio, 1.99, 2.0);   // 10^(6/20) = 1.995
    }

    private static double Slope(short[] clean, short[] mixed, short[] real, int from, int to)
    {
        double meanOurs = 0, meanTheirs = 0;
        for (int i = from; i < to; i++) { meanOurs += mixed[i] - clean[i]; meanTheirs += real[i] - clean[i]; }
        meanOurs /= to - from;
        meanTheirs /= to - from;
        double xy = 0, xx = 0;
        for (int i = from; i < to; i++)
        {
            double ours = mixed[i] - clean[i] - meanOurs, theirs = real[i] - clean[i] - meanTheirs;
            xy += ours * theirs;
            xx += theirs * theirs;
        }
        return xy / xx;
    }
}
