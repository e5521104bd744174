using Monitoring.Detection.Analysis;
using Monitoring.Detection.Classification;
using Monitoring.Detection.Qrs;
using Monitoring.Detection.Rhythm;
using Monitoring.Wfdb;

namespace Monitoring.Cli;

/// <summary>What the analysis reported for one lead of a record: beats, their classes, the displayed heart rate, rhythm conditions.</summary>
public sealed class RecordAnalysis
{
    public required string RecordName { get; init; }
    public required double SamplingFrequency { get; init; }
    public required long SampleCount { get; init; }
    /// <summary>Every complex the QRS detector reported, noise complexes included.</summary>
    public List<QrsBeat> Beats { get; } = [];

    /// <summary>The beats with their EC57 class, in the same order: the detector's complexes less the noise complexes.</summary>
    public List<ClassifiedBeat> ClassifiedBeats { get; } = [];

    /// <summary>Complexes the classifier left out as noise (see <see cref="NoiseComplexRule"/>).</summary>
    public int NoiseComplexes => Beats.Count - ClassifiedBeats.Count;

    /// <summary>The heart rate a monitor would display at the end of each second (null while unknown).</summary>
    public List<double?> DisplayedHeartRate { get; } = [];

    public List<RhythmEvent> RhythmEvents { get; } = [];

    /// <summary>
    /// Runs the analysis over one lead of a record as a device would stream it: in chunks of
    /// <paramref name="chunkSeconds"/>, then a flush at the end.
    /// </summary>
    public static RecordAnalysis Run(WfdbSignals signals, int lead = 0, double chunkSeconds = 0.25, RhythmAlarmSettings? rhythmSettings = null,
        double mainsFrequencyHz = 0, bool pacedPatient = false)
        => Run(signals.Header.RecordName, signals.GetSignal(lead), signals.Header.SamplingFrequency, signals.GetGain(lead), chunkSeconds,
            rhythmSettings, mainsFrequencyHz, pacedPatient);

    /// <summary>The same over one lead's samples given directly (for example a record resampled to another rate).</summary>
    public static RecordAnalysis Run(string recordName, short[] samples, double samplingFrequency, double gainUnitsPerMv,
        double chunkSeconds = 0.25, RhythmAlarmSettings? rhythmSettings = null, double mainsFrequencyHz = 0, bool pacedPatient = false)
    {
        int fs = (int)Math.Round(samplingFrequency);
        var analyzer = new EcgAnalyzer(new QrsDetectorSettings(fs, gainUnitsPerMv), rhythmSettings, mainsFrequencyHz: mainsFrequencyHz,
            pacedPatient: pacedPatient);
        var result = new RecordAnalysis
        {
            RecordName = recordName,
            SamplingFrequency = samplingFrequency,
            SampleCount = samples.Length,
        };
        var sink = new CollectingSink(result);
        int chunk = Math.Max(1, (int)Math.Round(chunkSeconds * fs));
        for (int offset = 0; offset < samples.Length; offset += chunk)
        {
            int length = Math.Min(chunk, samples.Length - offset);
            analyzer.Process(samples.AsSpan(offset, length), ref sink);
            for (long second = (result.DisplayedHeartRate.Count + 1L) * fs; second <= offset + length; second += fs)
            {
                result.DisplayedHeartRate.Add(analyzer.HeartRate.BeatsPerMinuteAt(second));
            }
        }
        if (samples.Length > 0) analyzer.Flush(ref sink, samples[^1]);
        result.Beats.RemoveAll(b => b.SampleIndex >= samples.Length);
        result.ClassifiedBeats.RemoveAll(b => b.SampleIndex >= samples.Length);
        return result;
    }

    private readonly struct CollectingSink(RecordAnalysis result) : IAnalysisSink
    {
        public void OnBeat(in QrsBeat beat) => result.Beats.Add(beat);

        public void OnClassifiedBeat(in ClassifiedBeat beat) => result.ClassifiedBeats.Add(beat);

        public void OnRhythmEvent(in RhythmEvent rhythmEvent) => result.RhythmEvents.Add(rhythmEvent);
    }
}
