using System.Collections.Frozen;
using Monitoring.Contracts.Devices;
using Monitoring.Contracts.Patients;
using Monitoring.Contracts.Waveforms;
using Monitoring.Detection.Analysis;
using Monitoring.Detection.Classification;
using Monitoring.Detection.Qrs;
using Monitoring.Detection.Rhythm;
using Monitoring.Grains.Alarms;
using Monitoring.Grains.Devices;

namespace Monitoring.Grains.Patients;

/// <summary>
/// The running arrhythmia analysis of one patient's stream: picks the analysis lead (II when the device sends it,
/// else the first), feeds its samples to <see cref="EcgAnalyzer"/> and places the conditions it reports on the
/// device's clock. One instance per contiguous stream: a gap, a format change or a new device starts a new one.
/// </summary>
public sealed class PatientAnalysis
{
    private const string PreferredLead = "II";

    /// <summary>
    /// Mains frequency notched out of every stream before analysis: the care network's (50 Hz in China). Hum hides
    /// ventricular flutter and makes false PVCs (see <see cref="Monitoring.Detection.Analysis.EcgAnalyzer"/>); a device
    /// that filters it itself loses nothing, the notch being 2 Hz wide.
    /// </summary>
    public const double MainsFrequencyHz = 50;

    /// <summary>The conditions the analysis reports (alarm condition codes): they start and end only by its word.</summary>
    public static readonly FrozenSet<string> Conditions = Enum.GetNames<RhythmCondition>().ToFrozenSet(StringComparer.Ordinal);

    private readonly EcgAnalyzer _analyzer;
    private readonly DeviceBatch _format;
    private readonly int _lead;
    private readonly long _startUnixMs;
    private short[] _leadSamples = [];
    private readonly List<RhythmEvent> _rhythmEvents = [];

    /// <summary>An analysis of the stream of <paramref name="first"/>'s format, from <paramref name="startUnixMs"/> (its first sample by default).</summary>
    public PatientAnalysis(DeviceBatch first, PatientAlarmSettings settings, long? startUnixMs = null)
    {
        _format = first;
        _startUnixMs = startUnixMs ?? first.FirstSampleTimeUnixMs;
        _lead = AnalysisLeadIndex(first.Leads);
        _analyzer = new EcgAnalyzer(
            new QrsDetectorSettings(first.SamplingRateHz, first.GainUnitsPerMv),
            PatientSettingsRules.ToRhythm(settings),
            PatientSettingsRules.ToEctopy(settings),
            MainsFrequencyHz,
            settings.Paced);
    }

    /// <summary>The lead the analysis runs on: II when present (the usual monitoring lead), else the first.</summary>
    public static int AnalysisLeadIndex(string[] leads) => Math.Max(0, Array.IndexOf(leads, PreferredLead));

    public string AnalysisLead => _format.Leads[_lead];

    /// <summary>True when the batch has this stream's format (rate, gain, leads).</summary>
    public bool Accepts(DeviceBatch batch) =>
        batch.DeviceId == _format.DeviceId && DeviceLink.HasFormat(batch, _format.SamplingRateHz, _format.GainUnitsPerMv, _format.Leads);

    /// <summary>Device time of the next sample the analysis expects.</summary>
    public long NextSampleUnixMs => ToUnixMs(_analyzer.SamplesProcessed);

    /// <summary>The heart rate a monitor would display now.</summary>
    public double? HeartRateBpm => _analyzer.HeartRate.BeatsPerMinuteAt(_analyzer.SamplesProcessed);

    /// <summary>
    /// True when the batch's samples were analysed already (a resent batch: the device grain was lost, or a call whose
    /// answer was lost is made again). A batch starts where the analysis stands, give or take device clock jitter; one
    /// taken before starts a batch's length earlier. Half a batch tells them apart.
    /// </summary>
    public bool HasAnalysed(DeviceBatch batch) => batch.FirstSampleTimeUnixMs < NextSampleUnixMs - batch.DurationSeconds * 500;

    /// <summary>True when samples before the batch never reached this analysis (a batch whose delivery was given up).</summary>
    public bool Misses(DeviceBatch batch) => batch.FirstSampleTimeUnixMs > NextSampleUnixMs + batch.DurationSeconds * 500;

    /// <summary>Analyses the batch's analysis lead and appends the conditions that started or ended to <paramref name="events"/>.</summary>
    public void Process(DeviceBatch batch, List<AnalysisEvent> events) => Process(batch.Samples, batch.Leads.Length, batch.PacePulses ?? [], events);

    /// <summary>Analyses stored samples of this stream (the stream's recent past, when a new analysis takes over from a lost one).</summary>
    public void Process(WaveformSegment segment, List<AnalysisEvent> events) => Process(segment.Samples, segment.Leads.Length, segment.PacePulses, events);

    /// <summary>
    /// The stored stretch that leads up to <paramref name="batch"/> without a break: the last segments of its format
    /// that join one another and the batch (within <see cref="DeviceLink.ContinuityToleranceMs"/>); empty when there is
    /// none. Only such a stretch can stand for what a lost analysis had seen.
    /// </summary>
    public static List<WaveformSegment> LeadingUpTo(IReadOnlyList<WaveformSegment> segments, DeviceBatch batch)
    {
        var run = new List<WaveformSegment>();
        long joinAt = batch.FirstSampleTimeUnixMs;
        for (int i = segments.Count - 1; i >= 0; i--)
        {
            WaveformSegment segment = segments[i];
            if (!DeviceLink.HasFormat(batch, segment.SamplingRateHz, segment.GainUnitsPerMv, segment.Leads)
                || Math.Abs(segment.EndUnixMs - joinAt) > DeviceLink.ContinuityToleranceMs) break;
            run.Add(segment);
            joinAt = segment.StartUnixMs;
        }
        run.Reverse();
        return run;
    }

    /// <summary>
    /// An analysis that takes over from a lost one at <paramref name="batch"/>: it first analyses
    /// <paramref name="history"/>, the stream leading up to the batch (<see cref="LeadingUpTo"/>), and appends to
    /// <paramref name="events"/> what the lost analysis may not have reported:
    /// - samples before <paramref name="settledUntilUnixMs"/> (stored) were analysed by the lost analysis and their
    ///   alarms stored with them (a device grain writes a batch after handing it to the patient; one whose hand-over
    ///   failed is handed over again first, so it starts the new analysis and is not in its history): of what is found
    ///   there, only the conditions still going on at their end are reported (an alarm still present is confirmed; a
    ///   condition going on now is raised); past episodes there are not raised again;
    /// - later samples (held by the device grain, not stored; or stored from a batch whose hand-over was given up, which
    ///   no analysis saw) may hold an alarm no analysis stored: what is found there is reported in full; the alarm
    ///   tracker recognises an episode it has by its onset.
    /// </summary>
    public static PatientAnalysis Resume(IReadOnlyList<WaveformSegment> history, long settledUntilUnixMs, DeviceBatch batch, PatientAlarmSettings settings, List<AnalysisEvent> events)
    {
        var analysis = new PatientAnalysis(batch, settings, history.Count > 0 ? history[0].StartUnixMs : null);
        var settled = new List<AnalysisEvent>();
        var held = new List<AnalysisEvent>();
        foreach (WaveformSegment segment in history)
        {
            // Each side of the mark on its own: a segment across it (a batch given up inside it) is analysed in two parts.
            if (SegmentBuffer.Cut(segment, segment.StartUnixMs, settledUntilUnixMs) is { } before) analysis.Process(before, settled);
            if (SegmentBuffer.Cut(segment, settledUntilUnixMs, segment.EndUnixMs) is { } after) analysis.Process(after, held);
        }
        events.AddRange(GoingOnAtEnd(settled));
        events.AddRange(held);
        return analysis;
    }

    /// <summary>The onsets of the conditions that had not ended by the last of <paramref name="events"/>, in order.</summary>
    private static List<AnalysisEvent> GoingOnAtEnd(List<AnalysisEvent> events)
    {
        var goingOn = new List<AnalysisEvent>();
        foreach (AnalysisEvent e in events)
        {
            goingOn.RemoveAll(onset => onset.Condition == e.Condition);
            if (e.Onset) goingOn.Add(e);
        }
        return goingOn;
    }

    private void Process(short[] samples, int leads, int[] pacePulses, List<AnalysisEvent> events)
    {
        int count = samples.Length / leads;
        if (_leadSamples.Length < count) _leadSamples = new short[count];
        for (int i = 0; i < count; i++) _leadSamples[i] = samples[i * leads + _lead];

        _rhythmEvents.Clear();
        var sink = new RhythmEventSink(_rhythmEvents);
        _analyzer.Process(_leadSamples.AsSpan(0, count), pacePulses, ref sink);
        foreach (RhythmEvent e in _rhythmEvents)
        {
            long intervalMs = (long)Math.Round(e.IntervalSamples * 1000.0 / _format.SamplingRateHz);
            events.Add(new AnalysisEvent(e.Condition.ToString(), e.Onset, ToUnixMs(e.SampleIndex), new AlarmEvidence(e.HeartRateBpm, e.BeatCount, intervalMs)));
        }
    }

    private long ToUnixMs(long sampleIndex) => _startUnixMs + (long)Math.Round(sampleIndex * 1000.0 / _format.SamplingRateHz);

    /// <summary>Keeps the rhythm conditions; beats are not needed here.</summary>
    private readonly struct RhythmEventSink(List<RhythmEvent> events) : IAnalysisSink
    {
        public void OnBeat(in QrsBeat beat) { }

        public void OnClassifiedBeat(in ClassifiedBeat beat) { }

        public void OnRhythmEvent(in RhythmEvent rhythmEvent) => events.Add(rhythmEvent);
    }
}
