using Monitoring.Detection.Classification;
using Monitoring.Detection.Qrs;
using Monitoring.Detection.Rhythm;

namespace Monitoring.Detection.Analysis;

/// <summary>
/// The whole real-time analysis of one ECG lead: QRS detection, beat classification, heart rate and the rate and
/// pause conditions. Feed it chunks of any size; it works through them a second at a time, so that rhythm
/// conditions are judged at least once a second. Allocation-free after construction.
/// </summary>
public sealed class EcgAnalyzer
{
    private readonly QrsDetector _detector;
    private readonly BeatClassifier _classifier;
    private readonly RhythmMonitor _rhythm;
    private readonly int _step;
    private BeatBuffer _beats = new();

    public EcgAnalyzer(QrsDetectorSettings settings, RhythmAlarmSettings? rhythmSettings = null)
    {
        _detector = new QrsDetector(settings);
        _classifier = new BeatClassifier(settings);
        _rhythm = new RhythmMonitor(settings.SamplingRateHz, rhythmSettings);
        _step = settings.SamplingRateHz;
    }

    public QrsDetectorSettings Settings => _detector.Settings;

    /// <summary>The heart rate to display; ask it once a second.</summary>
    public HeartRateMeter HeartRate => _rhythm.HeartRate;

    public long SamplesProcessed => _detector.SamplesProcessed;

    /// <summary>Analyses the next chunk of the stream and reports classified beats and rhythm conditions.</summary>
    public void Process<TSink>(ReadOnlySpan<short> samples, ref TSink sink) where TSink : IAnalysisSink
    {
        while (!samples.IsEmpty)
        {
            var part = samples[..Math.Min(_step, samples.Length)];
            _classifier.Process(part);
            _detector.Process(part, ref _beats);
            Dispatch(ref sink);
            _rhythm.AdvanceTo(_detector.Watermark, ref sink);
            samples = samples[part.Length..];
        }
    }

    /// <summary>Ends the stream: decides the last complexes and reports the last beat. The stream cannot continue.</summary>
    public void Flush<TSink>(ref TSink sink, short lastSample) where TSink : IAnalysisSink
    {
        Span<short> padding = stackalloc short[1];
        padding[0] = lastSample;
        for (int i = 0; i < _step; i++) _classifier.Process(padding);
        _detector.Flush(ref _beats, lastSample);
        Dispatch(ref sink);
        _classifier.Flush(ref sink);
    }

    private void Dispatch<TSink>(ref TSink sink) where TSink : IAnalysisSink
    {
        for (int i = 0; i < _beats.Count; i++)
        {
            QrsBeat beat = _beats[i];
            sink.OnBeat(beat);
            _rhythm.OnBeat(beat.SampleIndex, ref sink);
            _classifier.OnBeat(beat, ref sink);
        }
        _beats.Clear();
        _classifier.Drain(ref sink);
    }

    /// <summary>Beats of the current part of a chunk (at most a second's worth, or the learning period's).</summary>
    private struct BeatBuffer() : IQrsSink
    {
        private readonly QrsBeat[] _beats = new QrsBeat[128];

        public int Count { get; private set; }

        public readonly QrsBeat this[int index] => _beats[index];

        public void OnBeat(in QrsBeat beat)
        {
            if (Count == _beats.Length) throw new InvalidOperationException("More beats in one second than the detector can produce.");
            _beats[Count++] = beat;
        }

        public void Clear() => Count = 0;
    }
}
