using Monitoring.Detection.Qrs;
using Monitoring.Detection.Rhythm;

namespace Monitoring.Detection.Tests;

/// <summary>
/// The heart-rate meter against IEC 60601-2-27 201.7.9.2.9.101 b) 4) and b) 5): the irregular-rhythm waveforms of
/// figures 3a to 3d, built here as synthetic signals, and the response to steps in rate, through the real detector.
/// </summary>
public class HeartRateMeterTests
{
    private const int Fs = 500;

    public static TheoryData<string, double, double, double, bool> IrregularRhythms => new()
    {
        // name, RR before the ectopic beat, RR after it, expected reading (bpm), bidirectional (alternating polarity)
        { "3a ventricular bigeminy", 0.50, 1.00, 80, false },
        { "3b slow alternating ventricular bigeminy", 0.85, 1.15, 60, false },
        { "3c rapid alternating ventricular bigeminy", 0.40, 0.60, 120, false },
        { "3d bidirectional systoles", 2.0 / 3, 2.0 / 3, 90, true },
    };

    [Theory]
    [MemberData(nameof(IrregularRhythms))]
    public void Irregular_rhythms_read_their_true_beat_rate_after_20_seconds(
        string figure, double coupling, double compensatory, double expectedBpm, bool bidirectional)
    {
        var beats = new List<SyntheticBeat>();
        double t = 0.5;
        for (int i = 0; t < 40; i++)
        {
            bool ectopic = i % 2 == 1;
            beats.Add(bidirectional
                ? SyntheticEcg.Ventricular(t, polarity: ectopic ? -1 : 1)
                : ectopic ? SyntheticEcg.Ventricular(t) : new SyntheticBeat(t));
            t += ectopic ? compensatory : coupling;
        }
        short[] samples = new SyntheticEcg { NoiseMv = 0.01 }.Render(beats, Fs, 40);

        var readings = Readings(samples);

        Assert.Equal(beats.Count, DetectorRun.Match(DetectorRun.Beats(samples, Fs), beats.Select(b => b.Time).ToArray(), Fs).Matched);
        for (int second = 20; second < 39; second++)
        {
            Assert.True(Math.Abs(readings[second] - expectedBpm) <= 2, $"{figure}: {readings[second]:F1} bpm at {second} s, expected {expectedBpm}");
        }
    }

    [Theory]
    [InlineData(80, 120)]
    [InlineData(80, 40)]
    public void A_step_in_rate_is_shown_within_10_seconds(double fromBpm, double toBpm)
    {
        const double step = 30;
        var times = new List<double>();
        for (double t = 0.5; t < 60; t += 60 / (t < step ? fromBpm : toBpm)) times.Add(t);
        short[] samples = new SyntheticEcg { NoiseMv = 0.01 }.Render(times.ToArray(), Fs, 60);

        var readings = Readings(samples);

        Assert.InRange(readings[(int)step - 1], fromBpm - 2, fromBpm + 2);
        int settled = Enumerable.Range((int)step, 30).First(s => Enumerable.Range(s, 60 - s - 1).All(k => Math.Abs(readings[k] - toBpm) <= 0.05 * toBpm));
        Assert.True(settled - step <= 10, $"reached {toBpm} bpm {settled - step} s after the step");
    }

    [Fact]
    public void The_reading_falls_during_a_pause_and_recovers_after_it()
    {
        var meter = new HeartRateMeter(Fs);
        for (int i = 0; i < 20; i++) meter.OnBeat(i * Fs);    // 60 bpm, last beat at 19 s
        Assert.Equal(60, meter.BeatsPerMinuteAt(19 * Fs + Fs / 2)!.Value, 3);

        Assert.Equal(20, meter.BeatsPerMinuteAt(22 * Fs)!.Value, 3);   // 3 s without a beat
        Assert.Equal(10, meter.BeatsPerMinuteAt(25 * Fs)!.Value, 3);

        meter.OnBeat(25 * Fs);
        for (int i = 26; i < 40; i++) meter.OnBeat(i * Fs);
        Assert.Equal(60, meter.BeatsPerMinuteAt(39 * Fs + Fs / 2)!.Value, 3);
    }

    [Fact]
    public void No_reading_until_two_intervals_are_known_and_none_after_a_reset()
    {
        var meter = new HeartRateMeter(250);
        Assert.Null(meter.BeatsPerMinuteAt(0));
        meter.OnBeat(0);
        meter.OnBeat(250);
        Assert.Null(meter.BeatsPerMinuteAt(300));
        meter.OnBeat(500);
        Assert.Equal(60, meter.BeatsPerMinuteAt(600)!.Value, 3);

        meter.Reset();
        Assert.Null(meter.BeatsPerMinuteAt(700));
    }

    [Fact]
    public void Reading_allocates_nothing()
    {
        var meter = new HeartRateMeter(360);
        meter.OnBeat(0);
        meter.OnBeat(300);
        meter.OnBeat(600);
        _ = meter.BeatsPerMinuteAt(700);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 3; i < 10_000; i++)
        {
            meter.OnBeat(i * 300L);
            _ = meter.BeatsPerMinuteAt(i * 300L + 100);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>The displayed rate at the end of each second, with beats from the real detector.</summary>
    private static double[] Readings(short[] samples)
    {
        var detector = new QrsDetector(new QrsDetectorSettings(Fs, 200));
        var sink = new MeterSink(new HeartRateMeter(Fs));
        int seconds = samples.Length / Fs;
        var readings = new double[seconds];
        for (int s = 0; s < seconds; s++)
        {
            detector.Process(samples.AsSpan(s * Fs, Fs), ref sink);
            readings[s] = sink.Meter.BeatsPerMinuteAt((s + 1L) * Fs - 1) ?? 0;
        }
        return readings;
    }

    private readonly struct MeterSink(HeartRateMeter meter) : IQrsSink
    {
        public HeartRateMeter Meter => meter;
        public void OnBeat(in QrsBeat beat) => meter.OnBeat(beat.SampleIndex);
    }
}
