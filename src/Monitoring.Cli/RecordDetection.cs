using Monitoring.Detection.Qrs;
using Monitoring.Wfdb;

namespace Monitoring.Cli;

/// <summary>What the detector reported for one lead of a record.</summary>
public sealed class RecordDetection
{
    public required string RecordName { get; init; }
    public required double SamplingFrequency { get; init; }
    public required long SampleCount { get; init; }
    public List<QrsBeat> Beats { get; } = [];

    /// <summary>
    /// Runs the detector over one lead of a record as a device would stream it: in chunks of
    /// <paramref name="chunkSeconds"/>, then a flush at the end.
    /// </summary>
    public static RecordDetection Run(WfdbSignals signals, int lead = 0, double chunkSeconds = 0.25)
    {
        int fs = (int)Math.Round(signals.Header.SamplingFrequency);
        var detector = new QrsDetector(new QrsDetectorSettings(fs, signals.GetGain(lead)));
        var result = new RecordDetection
        {
            RecordName = signals.Header.RecordName,
            SamplingFrequency = signals.Header.SamplingFrequency,
            SampleCount = signals.SampleCount,
        };
        var sink = new CollectingSink(result);
        short[] samples = signals.GetSignal(lead);
        int chunk = Math.Max(1, (int)Math.Round(chunkSeconds * fs));
        for (int offset = 0; offset < samples.Length; offset += chunk)
        {
            detector.Process(samples.AsSpan(offset, Math.Min(chunk, samples.Length - offset)), ref sink);
        }
        if (samples.Length > 0) detector.Flush(ref sink, samples[^1]);
        result.Beats.RemoveAll(b => b.SampleIndex >= signals.SampleCount);
        return result;
    }

    private readonly struct CollectingSink(RecordDetection result) : IQrsSink
    {
        public void OnBeat(in QrsBeat beat) => result.Beats.Add(beat);
    }
}
