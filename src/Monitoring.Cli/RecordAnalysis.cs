using Monitoring.Detection.Classification;
using Monitoring.Detection.Qrs;
using Monitoring.Detection.Rhythm;
using Monitoring.Wfdb;

namespace Monitoring.Cli;

/// <summary>What the analysis reported for one lead of a record: beats, the displayed heart rate, rhythm conditions.</summary>
public sealed class RecordAnalysis
{
    public required string RecordName { get; init; }
    public required double SamplingFrequency { get; init; }
    public required long SampleCount { get; init; }
    public List<QrsBeat> Beats { get; } = [];

    /// <summary>The same beats with their EC57 class, in the same order.</summary>
    public List<ClassifiedBeat> ClassifiedBeats { get; } = [];

    /// <summary>The heart rate a monitor would display at the end of each second (null while unknown).</summary>
    public List<double?> DisplayedHeartRate { get; } = [];

    public List<RhythmEvent> RhythmEvents { get; } = [];

    /// <summary>
    /// Runs the QRS detector and the rhythm monitor over one lead of a record as a device would stream it: in chunks
    /// of <paramref name="chunkSeconds"/>, then a flush at the end.
    /// </summary>
    public static RecordAnalysis Run(WfdbSignals signals, int lead = 0, double chunkSeconds = 0.25, RhythmAlarmSettings? rhythmSettings = null)
    {
        int fs = (int)Math.Round(signals.Header.SamplingFrequency);
        var settings = new QrsDetectorSettings(fs, signals.GetGain(lead));
        var detector = new QrsDetector(settings);
        var classifier = new BeatClassifier(settings);
        var result = new RecordAnalysis
        {
            RecordName = signals.Header.RecordName,
            SamplingFrequency = signals.Header.SamplingFrequency,
            SampleCount = signals.SampleCount,
        };
        var sink = new CollectingSink(result, new RhythmMonitor(fs, rhythmSettings), classifier);
        short[] samples = signals.GetSignal(lead);
        int chunk = Math.Max(1, (int)Math.Round(chunkSeconds * fs));
        for (int offset = 0; offset < samples.Length; offset += chunk)
        {
            int length = Math.Min(chunk, samples.Length - offset);
            classifier.Process(samples.AsSpan(offset, length));
            detector.Process(samples.AsSpan(offset, length), ref sink);
            sink.AdvanceTo(offset + length, detector.Watermark);
        }
        if (samples.Length > 0)
        {
            Span<short> padding = stackalloc short[1];
            padding[0] = samples[^1];
            for (int i = 0; i < fs; i++) classifier.Process(padding);
            detector.Flush(ref sink, samples[^1]);
        }
        classifier.Flush(ref sink);
        result.Beats.RemoveAll(b => b.SampleIndex >= signals.SampleCount);
        result.ClassifiedBeats.RemoveAll(b => b.SampleIndex >= signals.SampleCount);
        return result;
    }

    private struct CollectingSink(RecordAnalysis result, RhythmMonitor monitor, BeatClassifier classifier) : IQrsSink, IRhythmSink, IBeatSink
    {
        private long _nextSecond = (long)result.SamplingFrequency;

        public void OnBeat(in QrsBeat beat)
        {
            result.Beats.Add(beat);
            monitor.OnBeat(beat.SampleIndex, ref this);
            classifier.OnBeat(beat, ref this);
        }

        public readonly void OnRhythmEvent(in RhythmEvent rhythmEvent) => result.RhythmEvents.Add(rhythmEvent);

        public readonly void OnClassifiedBeat(in ClassifiedBeat beat) => result.ClassifiedBeats.Add(beat);

        public void AdvanceTo(long sampleIndex, long watermark)
        {
            monitor.AdvanceTo(watermark, ref this);
            for (; _nextSecond <= sampleIndex; _nextSecond += (long)result.SamplingFrequency)
            {
                result.DisplayedHeartRate.Add(monitor.HeartRate.BeatsPerMinuteAt(_nextSecond));
            }
        }
    }
}
