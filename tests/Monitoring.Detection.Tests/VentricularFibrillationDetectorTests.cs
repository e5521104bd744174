using Monitoring.Detection.Fibrillation;
using Monitoring.Detection.Qrs;
using Monitoring.Detection.Rhythm;
using Monitoring.Wfdb;

namespace Monitoring.Detection.Tests;

/// <summary><see cref="VentricularFibrillationDetector"/> on synthetic signals: what must and must not be fibrillation.</summary>
public class VentricularFibrillationDetectorTests
{
    private const double Gain = 200;

    [Theory]
    [InlineData(250, 4.0)]
    [InlineData(360, 5.0)]
    [InlineData(100, 6.0)]
    [InlineData(1000, 4.5)]
    public void Sinusoidal_flutter_after_sinus_rhythm_is_declared_within_5_seconds_and_ends_after_it(int fs, double flutterHz)
    {
        // 30 s sinus rhythm, 30 s of 0.8 mV flutter waves, 30 s sinus rhythm again.
        short[] samples = new SyntheticEcg { NoiseMv = 0.01 }.Render([.. SyntheticEcg.RegularBeats(75, 30), .. SyntheticEcg.RegularBeats(75, 30).Select(t => t + 60)], fs, 90, Gain);
        for (int i = 30 * fs; i < 60 * fs; i++) samples[i] += (short)Math.Round(0.8 * Gain * Math.Sin(2 * Math.PI * flutterHz * i / fs));

        var events = Run(samples, fs);

        Assert.Equal(2, events.Count);
        Assert.True(events[0].Onset);
        Assert.InRange(events[0].SampleIndex / (double)fs, 30, 35);
        // The onset window still holds the last second of sinus rhythm, so it reads a lower rate than the waves'.
        Assert.InRange(events[0].HeartRateBpm!.Value, VentricularFibrillationDetector.MinRatePerMinute, flutterHz * 60 * 1.05);
        Assert.False(events[1].Onset);
        Assert.InRange(events[1].SampleIndex / (double)fs, 60, 60 + VentricularFibrillationDetector.WindowSeconds + VentricularFibrillationDetector.OffsetWindows + 1);
        Assert.Equal(events[1].SampleIndex - events[0].SampleIndex, events[1].IntervalSamples);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(75)]
    [InlineData(150)]   // supraventricular tachycardia: narrow QRS at the flutter rate
    [InlineData(200)]
    public void Sinus_rhythm_and_narrow_complex_tachycardia_are_not_fibrillation(double bpm)
    {
        const int fs = 250;
        short[] samples = new SyntheticEcg { NoiseMv = 0.02, TDelaySeconds = bpm > 120 ? 0.18 : 0.25 }.Render(SyntheticEcg.RegularBeats(bpm, 120), fs, 120, Gain);
        Assert.Empty(Run(samples, fs));
    }

    [Fact]
    public void A_flat_line_is_not_fibrillation()
    {
        const int fs = 360;
        Assert.Empty(Run(new SyntheticEcg { NoiseMv = 0.01 }.Render(Array.Empty<double>(), fs, 60, Gain), fs));
        Assert.Empty(Run(new short[60 * fs], fs));
    }

    [Fact]
    public void Baseline_wander_is_not_fibrillation()
    {
        const int fs = 250;
        short[] samples = new SyntheticEcg { NoiseMv = 0.01, BaselineWanderMv = 2, BaselineWanderHz = 0.5 }.Render(SyntheticEcg.RegularBeats(70, 120), fs, 120, Gain);
        Assert.Empty(Run(samples, fs));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    public void White_noise_is_not_fibrillation(double rmsMv)
    {
        const int fs = 250;
        Assert.Empty(Run(new SyntheticEcg { NoiseMv = rmsMv }.Render(Array.Empty<double>(), fs, 120, Gain), fs));
    }

    [Fact]
    public void Chunk_size_does_not_change_the_events()
    {
        short[] samples = WfdbRecordReader.ReadSignals(SharedData.Record("vfdb", "418")).GetSignal(0)[..(20 * 60 * 250)];

        var whole = Run(samples, 250, samples.Length);
        Assert.NotEmpty(whole);
        Assert.Equal(whole, Run(samples, 250, 1));
        Assert.Equal(whole, Run(samples, 250, 777));
    }

    [Fact]
    public void Steady_state_processing_allocates_nothing()
    {
        WfdbSignals signals = WfdbRecordReader.ReadSignals(SharedData.Record("vfdb", "418"));
        short[] samples = signals.GetSignal(0);
        var settings = new QrsDetectorSettings(250, signals.GetGain(0));
        // One whole pass first, so that every code path has run once (type initialisers, first calls) whichever
        // tests ran before in this process; then the measured detector warms up on its first minute.
        var sink = new CountingSink();
        Feed(new VentricularFibrillationDetector(settings), samples, ref sink);
        var detector = new VentricularFibrillationDetector(settings);
        sink = new CountingSink();
        Feed(detector, samples.AsSpan(0, 60 * 250), ref sink);

        long allocated = SteadyStateAllocations.Measure(() => Feed(detector, samples, ref sink));

        Assert.True(sink.Count > 50, $"only {sink.Count} events");
        Assert.Equal(0, allocated);
    }

    private static void Feed(VentricularFibrillationDetector detector, ReadOnlySpan<short> samples, ref CountingSink sink)
    {
        for (int offset = 0; offset < samples.Length; offset += 100)
            detector.Process(samples.Slice(offset, Math.Min(100, samples.Length - offset)), ref sink);
    }

    private static List<RhythmEvent> Run(short[] samples, int fs, int chunk = 100)
    {
        var detector = new VentricularFibrillationDetector(new QrsDetectorSettings(fs, Gain));
        var sink = new ListSink();
        for (int offset = 0; offset < samples.Length; offset += chunk)
            detector.Process(samples.AsSpan(offset, Math.Min(chunk, samples.Length - offset)), ref sink);
        return sink.Events;
    }

    private sealed class ListSink : IRhythmSink
    {
        public List<RhythmEvent> Events { get; } = [];
        public void OnRhythmEvent(in RhythmEvent rhythmEvent) => Events.Add(rhythmEvent);
    }

    private struct CountingSink : IRhythmSink
    {
        public int Count;
        public void OnRhythmEvent(in RhythmEvent rhythmEvent) => Count++;
    }
}
