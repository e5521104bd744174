using System.Collections.Frozen;
using Monitoring.Contracts.Devices;
using Monitoring.Contracts.Patients;
using Monitoring.Detection.Analysis;
using Monitoring.Detection.Classification;
using Monitoring.Detection.Qrs;
using Monitoring.Detection.Rhythm;
using Monitoring.Grains.Alarms;

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

    public PatientAnalysis(DeviceBatch first, PatientAlarmSettings settings)
    {
        _format = first;
        _startUnixMs = first.FirstSampleTimeUnixMs;
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
        batch.DeviceId == _format.DeviceId
        && batch.SamplingRateHz == _format.SamplingRateHz
        && batch.GainUnitsPerMv.Equals(_format.GainUnitsPerMv)
        && batch.Leads.AsSpan().SequenceEqual(_format.Leads);

    /// <summary>Device time of the next sample the analysis expects.</summary>
    public long NextSampleUnixMs => ToUnixMs(_analyzer.SamplesProcessed);

    /// <summary>The heart rate a monitor would display now.</summary>
    public double? HeartRateBpm => _analyzer.HeartRate.BeatsPerMinuteAt(_analyzer.SamplesProcessed);

    /// <summary>Analyses the batch's analysis lead and appends the conditions that started or ended to <paramref name="events"/>.</summary>
    public void Process(DeviceBatch batch, List<AnalysisEvent> events)
    {
        int count = batch.SamplesPerLead, leads = batch.Leads.Length;
        if (_leadSamples.Length < count) _leadSamples = new short[count];
        for (int i = 0; i < count; i++) _leadSamples[i] = batch.Samples[i * leads + _lead];

        _rhythmEvents.Clear();
        var sink = new RhythmEventSink(_rhythmEvents);
        _analyzer.Process(_leadSamples.AsSpan(0, count), batch.PacePulses ?? [], ref sink);
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
