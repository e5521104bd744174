using Monitoring.Detection.Analysis;
using Monitoring.Detection.Classification;
using Monitoring.Detection.Fibrillation;
using Monitoring.Detection.Qrs;
using Monitoring.Detection.Quality;
using Monitoring.Detection.Rhythm;
using Monitoring.Wfdb;

namespace Monitoring.Detection.Tests;

/// <summary><see cref="SignalQualityMonitor"/> on synthetic signals, and its place in <see cref="EcgAnalyzer"/>.</summary>
public class SignalQualityTests
{
    private const int Fs = 250;

    [Fact]
    public void A_flat_line_raises_the_flat_line_condition_beside_asystole_and_ends_when_the_ecg_returns()
    {
        short[] ecg = Ecg(30);
        short[] signal = [.. ecg, .. Enumerable.Repeat(ecg[^1], 10 * Fs), .. Ecg(20)];

        var events = Analyse(signal);

        // A flat line may be real standstill: asystole is declared all the same, and the flat line prompts a lead check.
        Assert.Contains(events, e => e.Condition == RhythmCondition.Asystole && e.Onset);
        var flat = events.Where(e => e.Condition == RhythmCondition.FlatLine).ToList();
        Assert.Equal([true, false], flat.Select(e => e.Onset));
        Assert.InRange(flat[0].SampleIndex, 30 * Fs, 32 * Fs);  // the first whole flat second
        Assert.InRange(flat[1].SampleIndex, 40 * Fs, 42 * Fs);
    }

    /// <summary>
    /// Standstill as a real front end sends it: the baseline with a few ADC units of noise (here ±3 units, ±0.015 mV).
    /// Each quantisation level then holds a seventh of the samples, so the lowest and highest values "rest" for 100 ms
    /// and more in every second: that was read as clipping (saturation), which made the signal unreadable and
    /// suppressed the asystole alarm. Clipping is an excursion that stays pinned, not quantised baseline noise.
    /// </summary>
    [Fact]
    public void Standstill_with_a_little_quantised_noise_is_asystole_not_saturation()
    {
        short[] ecg = Ecg(30);
        var noise = new Random(3);
        short[] standstill = [.. Enumerable.Range(0, 10 * Fs).Select(_ => (short)(ecg[^1] + noise.Next(-3, 4)))];

        var events = Analyse([.. ecg, .. standstill, .. Ecg(20)]);

        Assert.DoesNotContain(events, e => e.Condition == RhythmCondition.SignalSaturation);
        var asystole = Assert.Single(events, e => e.Condition == RhythmCondition.Asystole && e.Onset);
        Assert.InRange(asystole.SampleIndex, 30 * Fs, 36 * Fs);
    }

    /// <summary>
    /// Standstill under slow, smooth baseline wander (breathing, a ventilated patient): a 0.25 Hz swing of up to 1 mV
    /// and a few ADC units of noise. At 1 mV the wander made the signal unreadable and no asystole was raised; the
    /// band a QRS lives in stays empty (mean amplitude 0.040 mV at 1 mV, against 0.084 mV with beats), so its standstill
    /// is judged.
    /// </summary>
    [Theory]
    [InlineData(0.3)]
    [InlineData(0.6)]
    [InlineData(1.0)]
    public void Standstill_under_breathing_wander_is_asystole(double amplitudeMv)
    {
        short[] ecg = Ecg(30);
        var noise = new Random(3);
        short[] standstill = [.. Enumerable.Range(0, 10 * Fs)
            .Select(i => (short)(ecg[^1] + noise.Next(-3, 4) + 200 * amplitudeMv * Math.Sin(2 * Math.PI * 0.25 * i / Fs)))];

        var events = Analyse([.. ecg, .. standstill, .. Ecg(20)]);

        var asystole = Assert.Single(events, e => e.Condition == RhythmCondition.Asystole && e.Onset);
        Assert.InRange(asystole.SampleIndex, 30 * Fs, 35 * Fs);
    }

    [Fact]
    public void A_signal_resting_on_the_end_of_its_range_is_saturation()
    {
        short[] ecg = Ecg(30);
        short[] signal = [.. ecg, .. Enumerable.Repeat(short.MaxValue, 3 * Fs / 10), .. ecg];

        var events = Analyse(signal);

        var saturation = events.Where(e => e.Condition == RhythmCondition.SignalSaturation).ToList();
        Assert.Equal([true, false], saturation.Select(e => e.Onset));
        Assert.InRange(saturation[0].SampleIndex, 30 * Fs, 32 * Fs);
    }

    [Fact]
    public void Clean_ecg_raises_no_technical_condition()
    {
        var events = Analyse(Ecg(120));

        Assert.DoesNotContain(events, e => IsTechnical(e.Condition));
    }

    [Fact]
    public void A_monitor_that_is_told_of_fibrillation_calls_nothing_noise()
    {
        var monitor = new SignalQualityMonitor(new QrsDetectorSettings(Fs, 200));
        var sink = new CollectingRhythmSink();
        var rough = new FibrillationFeatures(AmplitudeMv: 0.5, Leakage: 0.8, RatePerMinute: 300, SlopeRatio: 3, Roughness: 4.5);
        short[] noise = new SyntheticEcg { NoiseMv = 0.3 }.Render(Array.Empty<double>(), Fs, 10);

        monitor.Process(noise, rough, fibrillating: true, ventricularRun: false, ref sink);
        Assert.Empty(sink.List);
        monitor.Process(noise, rough, fibrillating: false, ventricularRun: false, ref sink);
        Assert.Equal([(RhythmCondition.HighFrequencyNoise, true)], sink.List.Select(e => (e.Condition, e.Onset)));
        Assert.True(monitor.IsUnreadable);
    }

    [Fact]
    public void Baseline_wander_ends_at_once_and_is_not_declared_during_a_fast_ventricular_run()
    {
        var monitor = new SignalQualityMonitor(new QrsDetectorSettings(Fs, 200));
        var sink = new CollectingRhythmSink();
        var ordinary = new FibrillationFeatures(AmplitudeMv: 0.5, Leakage: 0.8, RatePerMinute: 80, SlopeRatio: 6, Roughness: 1.5);
        // The baseline swings by 2 mV every 4 s (200 units per mV): wander, whatever the beats are.
        short[] wander = [.. Enumerable.Range(0, 20 * Fs).Select(i => (short)(200 * Math.Sin(2 * Math.PI * i / (4.0 * Fs))))];

        monitor.Process(wander.AsSpan(0, 10 * Fs), ordinary, fibrillating: false, ventricularRun: false, ref sink);
        Assert.Equal([(RhythmCondition.BaselineWander, true)], sink.List.Select(e => (e.Condition, e.Onset)));

        monitor.Process(wander.AsSpan(10 * Fs, Fs), ordinary, fibrillating: false, ventricularRun: true, ref sink);
        Assert.Equal((RhythmCondition.BaselineWander, false), (sink.List[^1].Condition, sink.List[^1].Onset));
        Assert.Equal(11 * Fs, sink.List[^1].SampleIndex);   // at the end of the first second of the run, not after 3 clear ones
        Assert.False(monitor.IsUnreadable);

        monitor.Process(wander.AsSpan(11 * Fs, 9 * Fs), ordinary, fibrillating: false, ventricularRun: true, ref sink);
        Assert.Equal(2, sink.List.Count);
    }

    [Fact]
    public void Processing_allocates_nothing()
    {
        var monitor = new SignalQualityMonitor(new QrsDetectorSettings(360, 200));
        short[] samples = WfdbRecordReader.ReadSignals(SharedData.Record("mitdb", "116")).GetSignal(0);
        var features = new FibrillationFeatures(0.2, 0.7, 100, 8, 4);
        var sink = new CountingRhythmSink();
        Pass(monitor, samples, features, ref sink);
        Assert.Equal(0, SteadyStateAllocations.Measure(() => Pass(monitor, samples, features, ref sink)));
        Assert.True(sink.Count > 0);
    }

    [Fact]
    public void Chunk_size_does_not_change_the_rhythm_and_technical_conditions()
    {
        // 118 with electrode-motion noise at 0 dB from 5:00 to 7:00 and 9:00 to 11:00: technical conditions, and
        // beat-based conditions before, between and after them.
        short[] samples = WfdbRecordReader.ReadSignals(SharedData.Record("nstdb", "118e00")).GetSignal(0)[..(12 * 60 * 360)];

        List<RhythmEvent> Events(int chunk)
        {
            var analyzer = new EcgAnalyzer(new QrsDetectorSettings(360, 200));
            var sink = new CollectingAnalysisSink();
            for (int offset = 0; offset < samples.Length; offset += chunk)
                analyzer.Process(samples.AsSpan(offset, Math.Min(chunk, samples.Length - offset)), ref sink);
            // Rate conditions are left out: they are checked against the rate known when the check is made, which
            // depends on how far the stream has been processed (a property of RhythmMonitor older than this monitor).
            return sink.List.Where(e => e.Condition is < RhythmCondition.Bradycardia or > RhythmCondition.ExtremeTachycardia).ToList();
        }

        var reference = Events(samples.Length);
        Assert.Contains(reference, e => IsTechnical(e.Condition));
        Assert.Contains(reference, e => !IsTechnical(e.Condition));
        foreach (int chunk in new[] { 7, 90, 1000 }) Assert.Equal(reference, Events(chunk));
    }

    /// <summary>With no mains notch (as the CLI evaluates records) and with the 50 Hz one (as the server analyses streams).</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(50)]
    public void The_whole_analysis_allocates_nothing_in_steady_state_through_noise_and_clean_signal(double mainsFrequencyHz)
    {
        short[] samples = WfdbRecordReader.ReadSignals(SharedData.Record("nstdb", "118e00")).GetSignal(0);
        var analyzer = new EcgAnalyzer(new QrsDetectorSettings(360, 200), mainsFrequencyHz: mainsFrequencyHz);
        var sink = new CountingAnalysis();
        // The first pass takes every path once (type loading allocates once per process); the second must allocate nothing.
        AnalysePass(analyzer, samples, ref sink);
        long before = GC.GetAllocatedBytesForCurrentThread();
        AnalysePass(analyzer, samples, ref sink);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(sink.Technical > 10, $"{sink.Technical} technical condition events");
        Assert.Equal(0, allocated);
    }

    private static void AnalysePass(EcgAnalyzer analyzer, short[] samples, ref CountingAnalysis sink)
    {
        for (int offset = 0; offset < samples.Length; offset += 90)
            analyzer.Process(samples.AsSpan(offset, Math.Min(90, samples.Length - offset)), ref sink);
    }

    private struct CountingAnalysis : IAnalysisSink
    {
        public int Technical;
        public void OnBeat(in QrsBeat beat) { }
        public void OnClassifiedBeat(in ClassifiedBeat beat) { }
        public void OnRhythmEvent(in RhythmEvent rhythmEvent)
        {
            if (IsTechnical(rhythmEvent.Condition)) Technical++;
        }
    }

    private static void Pass(SignalQualityMonitor monitor, short[] samples, in FibrillationFeatures features, ref CountingRhythmSink sink)
    {
        for (int offset = 0; offset < samples.Length; offset += 90)
            monitor.Process(samples.AsSpan(offset, Math.Min(90, samples.Length - offset)), features, false, false, ref sink);
    }

    internal static bool IsTechnical(RhythmCondition condition) => condition >= RhythmCondition.SignalArtifact;

    private static short[] Ecg(double seconds) =>
        new SyntheticEcg { NoiseMv = 0.01 }.Render(SyntheticEcg.RegularBeats(75, seconds), Fs, seconds);

    private static List<RhythmEvent> Analyse(short[] signal)
    {
        var analyzer = new EcgAnalyzer(new QrsDetectorSettings(Fs, 200));
        var sink = new CollectingAnalysisSink();
        analyzer.Process(signal, ref sink);
        return sink.List;
    }
}
