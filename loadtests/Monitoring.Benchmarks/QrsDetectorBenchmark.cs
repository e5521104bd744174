using Monitoring.Testing;
using BenchmarkDotNet.Attributes;
using Monitoring.Detection.Analysis;
using Monitoring.Detection.Classification;
using Monitoring.Detection.Qrs;
using Monitoring.Detection.Rhythm;
using Monitoring.Wfdb;

namespace Monitoring.Benchmarks;

/// <summary>
/// Throughput and allocation of the streaming QRS detector on real ECG (first lead).
/// <list type="bullet">
/// <item><see cref="WholeRecord"/>: one detector over a whole 30-minute record in one call; one operation is the record.</item>
/// <item><see cref="FullAnalysis"/>: the same with the whole analysis of a lead (<see cref="EcgAnalyzer"/>: detection,
/// classification, heart rate, rhythm conditions).</item>
/// <item><see cref="ManyChannels"/>: <see cref="Channels"/> detectors, each its own channel, fed round-robin in 250 ms
/// chunks from one thread, 10 s of signal per channel per operation: what one thread of a server does for thousands
/// of leads. Each channel reads the record from its own offset, so the channels are not in lockstep.</item>
/// </list>
/// Detectors are created and warmed up in <see cref="Setup"/> and reused: each operation continues their streams, so
/// the measured part allocates nothing. <see cref="ThroughputColumns"/> adds samples per operation and samples per second.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Detection")]
[Config(typeof(ThroughputColumns.Config))]
public class QrsDetectorBenchmark
{
    public const int Channels = 1000;
    public const double ChunkSeconds = 0.250;
    public const double ManyChannelsSecondsPerOperation = 10;

    private short[] _samples = [];
    private QrsDetector _detector = null!;
    private EcgAnalyzer _analyzer = null!;
    private QrsDetector[] _channels = [];
    private int[] _cursors = [];
    private int _chunk;
    private int _chunksPerOperation;

    /// <summary>
    /// Record as "database/name": MIT-BIH Arrhythmia 208 (360 Hz, many PVCs), Supraventricular 800 (128 Hz) and
    /// Malignant Ventricular Ectopy 418 (250 Hz, the rate the product's devices stream at; VF and flutter episodes).
    /// </summary>
    [Params("mitdb/208", "svdb/800", "vfdb/418")]
    public string Record { get; set; } = "mitdb/208";

    [GlobalSetup]
    public void Setup()
    {
        WfdbSignals signals = WfdbRecordReader.ReadSignals(Path.Combine(SharedData.Ecg, Record));
        _samples = signals.GetSignal(0);
        var settings = Settings(signals);

        _detector = new QrsDetector(settings);
        var sink = new CountingSink();
        _detector.Process(_samples, ref sink); // warm-up; later operations continue this stream
        _analyzer = new EcgAnalyzer(settings);
        var analysisSink = new CountingSink();
        _analyzer.Process(_samples, ref analysisSink);

        _chunk = ChunkLength(settings.SamplingRateHz);
        _chunksPerOperation = (int)Math.Round(ManyChannelsSecondsPerOperation / ChunkSeconds);
        _channels = new QrsDetector[Channels];
        _cursors = new int[Channels];
        int lastStart = _samples.Length - _chunk;
        for (int c = 0; c < Channels; c++)
        {
            _channels[c] = new QrsDetector(settings);
            // Spread the channels over the record, on chunk boundaries (7 s apart, wrapping).
            long offset = (long)c * 7 * settings.SamplingRateHz % lastStart;
            _cursors[c] = (int)(offset / _chunk * _chunk);
        }
        for (int i = 0; i < 3; i++) ManyChannels(); // warm-up: the detectors leave their learning period
    }

    [Benchmark]
    [BenchmarkCategory("SingleStream")]
    public long WholeRecord()
    {
        var sink = new CountingSink();
        _detector.Process(_samples, ref sink);
        return sink.Beats;
    }

    [Benchmark]
    [BenchmarkCategory("SingleStream")]
    public long FullAnalysis()
    {
        var sink = new CountingSink();
        _analyzer.Process(_samples, ref sink);
        return sink.Beats + sink.ClassifiedBeats + sink.RhythmEvents;
    }

    [Benchmark]
    [BenchmarkCategory("ManyChannels")]
    public long ManyChannels()
    {
        var sink = new CountingSink();
        short[] samples = _samples;
        QrsDetector[] channels = _channels;
        int[] cursors = _cursors;
        int chunk = _chunk;
        for (int step = 0; step < _chunksPerOperation; step++)
        {
            for (int c = 0; c < channels.Length; c++)
            {
                int start = cursors[c];
                if (start + chunk > samples.Length) start = 0;
                channels[c].Process(samples.AsSpan(start, chunk), ref sink);
                cursors[c] = start + chunk;
            }
        }
        return sink.Beats;
    }

    /// <summary>Samples one operation of <paramref name="method"/> processes on <paramref name="record"/>.</summary>
    public static long SamplesPerOperation(string record, string method)
    {
        WfdbHeader header = WfdbRecordReader.ReadHeader(Path.Combine(SharedData.Ecg, record));
        return method switch
        {
            nameof(WholeRecord) or nameof(FullAnalysis) => header.SampleCount > 0
                ? header.SampleCount
                : WfdbRecordReader.ReadSignals(Path.Combine(SharedData.Ecg, record)).SampleCount,
            nameof(ManyChannels) => (long)Channels * (long)Math.Round(ManyChannelsSecondsPerOperation / ChunkSeconds)
                * ChunkLength(SamplingRate(header)),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown benchmark method."),
        };
    }

    private static int ChunkLength(int samplingRateHz) => Math.Max(1, (int)Math.Round(ChunkSeconds * samplingRateHz));

    private static int SamplingRate(WfdbHeader header) => (int)Math.Round(header.SamplingFrequency);

    private static QrsDetectorSettings Settings(WfdbSignals signals) =>
        new(SamplingRate(signals.Header), signals.GetGain(0));

    private struct CountingSink : IAnalysisSink
    {
        public long Beats, ClassifiedBeats, RhythmEvents;

        public void OnBeat(in QrsBeat beat) => Beats++;

        public void OnClassifiedBeat(in ClassifiedBeat beat) => ClassifiedBeats++;

        public void OnRhythmEvent(in RhythmEvent rhythmEvent) => RhythmEvents++;
    }
}
