using Monitoring.Cli;
using Monitoring.Detection.Classification;
using Monitoring.Detection.Qrs;
using Monitoring.Evaluation;
using Monitoring.Testing;
using Monitoring.Wfdb;

namespace Monitoring.Detection.Tests;

/// <summary>The detector on real PhysioNet records: allocation, chunking, many instances, and EC57 accuracy floors.</summary>
public class RealRecordTests
{
    private static readonly Lazy<WfdbSignals> Record208 = new(() => WfdbRecordReader.ReadSignals(SharedData.Record("mitdb", "208")));

    [Theory]
    [InlineData(1)]
    [InlineData(90)]
    [InlineData(650_000)]
    public void Steady_state_processing_allocates_nothing_per_sample_or_per_beat(int chunk)
    {
        WfdbSignals signals = Record208.Value;
        short[] samples = signals.GetSignal(0);
        var detector = new QrsDetector(new QrsDetectorSettings(360, signals.GetGain(0)));
        var sink = new CountingSink();
        // Steady state: a first pass over the whole record with the same call pattern takes every code path once
        // (first calls load types and run static constructors, which allocate once per process, not per sample);
        // the measured second pass then allocates nothing, or something per sample or per beat would show here.
        Pass(detector, samples, chunk, ref sink);
        sink = new CountingSink();
        long before = GC.GetAllocatedBytesForCurrentThread();
        Pass(detector, samples, chunk, ref sink);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(sink.Beats > 2000, $"only {sink.Beats} beats");
        Assert.True(allocated == 0, $"{allocated} bytes allocated in steady state");
    }

    private static void Pass(QrsDetector detector, short[] samples, int chunk, ref CountingSink sink)
    {
        for (int offset = 0; offset < samples.Length; offset += chunk)
        {
            detector.Process(samples.AsSpan(offset, Math.Min(chunk, samples.Length - offset)), ref sink);
        }
    }

    [Fact]
    public void Chunk_size_does_not_change_what_is_detected()
    {
        short[] samples = Record208.Value.GetSignal(0)[..(5 * 60 * 360)];
        var reference = DetectorRun.Beats(samples, 360, chunk: samples.Length);

        foreach (int chunk in new[] { 1, 7, 90, 3600 })
        {
            Assert.Equal(reference, DetectorRun.Beats(samples, 360, chunk: chunk));
        }
    }

    [Fact]
    public void A_thousand_instances_driven_from_one_thread_agree_with_one_and_allocate_nothing()
    {
        const int channels = 1000, chunk = 90;
        short[] samples = Record208.Value.GetSignal(0)[..(60 * 360)];
        var detectors = new QrsDetector[channels];
        var sinks = new CountingSink[channels];
        for (int c = 0; c < channels; c++) detectors[c] = new QrsDetector(new QrsDetectorSettings(360, 200));
        int expected = DetectorRun.Beats(samples[..(30 * 360)], 360).Count(b => b.EmittedAtSample < 30 * 360);
        // Warm-up over the whole minute on another instance: a code path first taken during the measured half would
        // charge the runtime's first-call work (type loading) to this thread (seen once in CI as 4,832 bytes).
        _ = DetectorRun.Beats(samples, 360);

        int half = 30 * 360;
        long allocated = 0;
        for (int offset = 0; offset < samples.Length; offset += chunk)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int c = 0; c < channels; c++) detectors[c].Process(samples.AsSpan(offset, chunk), ref sinks[c]);
            if (offset >= half) allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            if (offset + chunk == half)
            {
                for (int c = 0; c < channels; c++) Assert.Equal(expected, sinks[c].Beats);
            }
        }

        Assert.Equal(0, allocated);
    }

    /// <summary>Regression floor: measured 99.80 / 99.86 on the 26 shared records (see the issue note); the issue's target.</summary>
    [Fact]
    public void Mitdb_gross_sensitivity_and_positive_predictivity_stay_above_the_floor()
    {
        var summary = RecordEvaluation.Run("mitdb", Ec57Options.Standard);

        Assert.True(summary.Gross.QrsSensitivity >= 99.75, $"Se {summary.Gross.QrsSensitivity:F2}\n{Ec57Report.FormatTable(summary)}");
        Assert.True(summary.Gross.QrsPositivePredictivity >= 99.75, $"+P {summary.Gross.QrsPositivePredictivity:F2}\n{Ec57Report.FormatTable(summary)}");
    }

    /// <summary>The same code at 128 Hz: measured 99.91 / 99.79 on the 39 shared svdb records.</summary>
    [Fact]
    public void Svdb_at_128_hz_stays_above_the_floor()
    {
        var summary = RecordEvaluation.Run("svdb", Ec57Options.Standard);

        Assert.True(summary.Gross.QrsSensitivity >= 99.85, $"Se {summary.Gross.QrsSensitivity:F2}");
        Assert.True(summary.Gross.QrsPositivePredictivity >= 99.6, $"+P {summary.Gross.QrsPositivePredictivity:F2}");
    }

    /// <summary>
    /// EC57 noise stress on record 118 with electrode-motion noise: the issue asks for Se of 99 % or more at 12 dB and
    /// +P of 90 % or more at 6 dB. Measured 100 / 99.22 at 12 dB and 98.28 / 94.01 at 6 dB, with the noise complexes
    /// left out (<see cref="NoiseComplexRule"/>); the floors sit just below (before the regular search-back interval
    /// and the dominant-beat rhythm in that rule: 99.95 / 99.17 and 97.81 / 92.00).
    /// </summary>
    [Fact]
    public void Noise_stress_keeps_sensitivity_at_12_db_and_limits_false_beats_at_6_db()
    {
        var byRecord = RecordEvaluation.Run("nstdb", Ec57Options.Standard, name => name is "118e12" or "118e06")
            .Records.ToDictionary(r => r.RecordName);

        Assert.True(byRecord["118e12"].QrsSensitivity >= 99.9, $"12 dB Se {byRecord["118e12"].QrsSensitivity:F2}");
        Assert.True(byRecord["118e12"].QrsPositivePredictivity >= 99.0, $"12 dB +P {byRecord["118e12"].QrsPositivePredictivity:F2}");
        Assert.True(byRecord["118e06"].QrsPositivePredictivity >= 93.5, $"6 dB +P {byRecord["118e06"].QrsPositivePredictivity:F2}");
        Assert.True(byRecord["118e06"].QrsSensitivity >= 98.0, $"6 dB Se {byRecord["118e06"].QrsSensitivity:F2}");
    }

    /// <summary>
    /// What the classifier leaves out as noise complexes (<see cref="NoiseComplexRule"/>) on record 118: nothing
    /// without noise, and at 6 dB mostly false detections. Measured: none at 24 dB; 297 at 6 dB, of which 6 lay within
    /// 150 ms of a reference beat.
    /// </summary>
    [Theory]
    [InlineData("118e24", 0, 0)]
    [InlineData("118e06", 250, 0.1)]
    public void Complexes_left_out_as_noise_are_mostly_false_detections(string record, int atLeast, double mostlyRealShare)
    {
        var signals = WfdbRecordReader.ReadSignals(SharedData.Record("nstdb", record));
        var analysis = RecordAnalysis.Run(signals);
        var kept = analysis.ClassifiedBeats.Select(b => b.SampleIndex).ToHashSet();
        long[] reference = WfdbAnnotationReader.Read(SharedData.Record("nstdb", record) + ".atr")
            .Where(a => AnnotationCode.IsBeat(a.Code)).Select(a => a.Sample).ToArray();
        var leftOut = analysis.Beats.Where(b => !kept.Contains(b.SampleIndex)).ToList();
        int real = leftOut.Count(b => reference.Any(r => Math.Abs(r - b.SampleIndex) <= 0.15 * 360));

        Assert.True(leftOut.Count >= atLeast && (atLeast > 0 || leftOut.Count <= 2), $"{leftOut.Count} left out");
        Assert.True(real <= mostlyRealShare * Math.Max(1, leftOut.Count), $"{real} of {leftOut.Count} left out were real beats");
    }

    /// <summary>
    /// Beats of ventricular tachycardia must not be lost, whatever is done about noise: a noise gate tried once
    /// suppressed most beats of a wide-complex VT in cu09. Measured 98.20 / 93.33 from 0:00 on the 18 shared records
    /// (VF episodes excluded, as EC57 does); 98.25 / 93.71 before session 12's standstill guard of the QRS detector,
    /// 98.04 / 94.31 after it (small blunt complexes after long gaps, mostly noise, some post-shock beats).
    /// </summary>
    [Fact]
    public void Cudb_ventricular_tachyarrhythmia_beats_are_kept()
    {
        var summary = RecordEvaluation.Run("cudb", Ec57Options.WholeRecord);

        Assert.True(summary.Gross.QrsSensitivity >= 98.0, $"Se {summary.Gross.QrsSensitivity:F2}\n{Ec57Report.FormatTable(summary)}");
        Assert.True(summary.Gross.QrsPositivePredictivity >= 92.0, $"+P {summary.Gross.QrsPositivePredictivity:F2}");
    }

    [Fact]
    public void Search_back_and_learning_aside_every_beat_is_emitted_within_the_bounds()
    {
        var latencies = new List<long>();
        foreach (string name in SharedData.Records("mitdb"))
        {
            var analysis = RecordAnalysis.Run(WfdbRecordReader.ReadSignals(SharedData.Record("mitdb", name)));
            latencies.AddRange(analysis.Beats
                .Where(b => !b.FoundBySearchBack && b.SampleIndex > 3 * 360)
                .Select(b => b.EmittedAtSample - b.SampleIndex));
        }

        Assert.All(latencies, l => Assert.InRange(l, 0, QrsDetector.HardMaxLatencySeconds * 360));
        double withinTarget = latencies.Count(l => l <= QrsDetector.MaxLatencySeconds * 360) / (double)latencies.Count;
        Assert.True(withinTarget >= 0.999, $"{withinTarget:P3} within {QrsDetector.MaxLatencySeconds * 1000} ms");
    }

    [Fact]
    public void No_beat_is_ever_reported_behind_the_watermark()
    {
        foreach (string name in SharedData.Records("mitdb").Concat(["../cudb/cu01", "../vfdb/424"]))
        {
            WfdbSignals signals = WfdbRecordReader.ReadSignals(SharedData.Record("mitdb", name));
            int fs = (int)signals.Header.SamplingFrequency;
            short[] samples = signals.GetSignal(0);
            var detector = new QrsDetector(new QrsDetectorSettings(fs, signals.GetGain(0)));
            var sink = new DetectorRun.CollectingSink();
            long watermark = 0;
            for (int offset = 0; offset < samples.Length; offset += fs / 4)
            {
                int before = sink.Beats.Count;
                detector.Process(samples.AsSpan(offset, Math.Min(fs / 4, samples.Length - offset)), ref sink);
                for (int i = before; i < sink.Beats.Count; i++)
                {
                    Assert.True(sink.Beats[i].SampleIndex >= watermark, $"{name}: beat {sink.Beats[i]} behind watermark {watermark}");
                }
                Assert.True(detector.Watermark >= watermark, $"{name}: watermark went back");
                watermark = detector.Watermark;
            }
        }
    }


    private struct CountingSink : IQrsSink
    {
        public int Beats;
        public void OnBeat(in QrsBeat beat) => Beats++;
    }
}
