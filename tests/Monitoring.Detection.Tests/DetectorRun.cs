using Monitoring.Detection.Qrs;

namespace Monitoring.Detection.Tests;

/// <summary>Runs a detector over a whole signal in chunks and collects what it reports.</summary>
internal static class DetectorRun
{
    public static List<QrsBeat> Beats(short[] samples, int samplingRateHz, double gain = 200, int chunk = 0)
    {
        var detector = new QrsDetector(new QrsDetectorSettings(samplingRateHz, gain));
        var sink = new CollectingSink();
        chunk = chunk > 0 ? chunk : Math.Max(1, samplingRateHz / 4);
        for (int offset = 0; offset < samples.Length; offset += chunk)
        {
            detector.Process(samples.AsSpan(offset, Math.Min(chunk, samples.Length - offset)), ref sink);
        }
        detector.Flush(ref sink, samples[^1]);
        return sink.Beats;
    }

    /// <summary>Beat-by-beat match of detections to known R-wave times within ±<paramref name="windowSeconds"/>.</summary>
    public static (int Matched, int Missed, int Extra) Match(IReadOnlyList<QrsBeat> beats, double[] rTimes, int fs, double windowSeconds = 0.15)
    {
        var used = new bool[beats.Count];
        int matched = 0;
        foreach (double r in rTimes)
        {
            long target = (long)Math.Round(r * fs);
            int best = -1;
            for (int i = 0; i < beats.Count; i++)
            {
                if (used[i] || Math.Abs(beats[i].SampleIndex - target) > windowSeconds * fs) continue;
                if (best < 0 || Math.Abs(beats[i].SampleIndex - target) < Math.Abs(beats[best].SampleIndex - target)) best = i;
            }
            if (best >= 0) { used[best] = true; matched++; }
        }
        return (matched, rTimes.Length - matched, beats.Count - matched);
    }

    public sealed class CollectingSink : IQrsSink
    {
        public List<QrsBeat> Beats { get; } = [];
        public void OnBeat(in QrsBeat beat) => Beats.Add(beat);
    }
}
