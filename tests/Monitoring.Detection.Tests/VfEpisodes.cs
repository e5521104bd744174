using Monitoring.Detection.Fibrillation;
using Monitoring.Detection.Qrs;
using Monitoring.Detection.Rhythm;
using Monitoring.Wfdb;

namespace Monitoring.Detection.Tests;

/// <summary>
/// Scores <see cref="VentricularFibrillationDetector"/> on shared records by episode, the way an alarm is judged.
/// <list type="bullet">
/// <item>Reference VF episodes: vfdb/mitdb rhythm intervals <c>(VF</c>, <c>(VFL</c>, <c>(VFIB</c> (from the rhythm
/// annotation to the next one) and <c>[</c>…<c>]</c> intervals (cudb, mitdb 207; an unclosed <c>[</c> runs to the end),
/// merged where they touch or overlap.</item>
/// <item>An episode is detected when the condition is declared at some moment from its onset to
/// <see cref="DetectionGraceSeconds"/> after its end (a declaration still standing at the onset counts, with delay 0).
/// The onset delay is from the annotated onset to the declaration.</item>
/// <item>Ventricular tachycardia may count as shockable: rhythm intervals <c>(VT</c> and runs of three or more
/// annotated PVCs (first to last) are not false.</item>
/// <item>False VF time: declared time outside the reference episodes and VT, each extended by
/// <see cref="OffsetLagSeconds"/> (the detector needs its window and <see cref="VentricularFibrillationDetector.OffsetWindows"/>
/// clear windows to end the condition). A false episode is a declared interval that touches no such extended interval.</item>
/// </list>
/// </summary>
internal static class VfEpisodes
{
    public const double DetectionGraceSeconds = 5;
    public const double AlarmDelaySeconds = 5;
    public const double OffsetLagSeconds = VentricularFibrillationDetector.WindowSeconds + VentricularFibrillationDetector.OffsetWindows + 1;

    public readonly record struct Interval(long Start, long End)
    {
        public bool Overlaps(long start, long end) => Start < end && start < End;
        public long OverlapWith(Interval other) => Math.Max(0, Math.Min(End, other.End) - Math.Max(Start, other.Start));
    }

    public sealed record Reference(List<Interval> Fibrillation, List<Interval> Tachycardia, List<Interval> Noise);

    public sealed record RecordScore(
        string Database, string Record, double DurationSeconds, int Episodes, int Detected, int DetectedInTime,
        List<double> OnsetDelaysSeconds, double FalseSeconds, double FalseSecondsInNoise, int FalseEpisodes);

    public static RecordScore Score(string database, string record, int lead = 0)
    {
        string path = SharedData.Record(database, record);
        WfdbSignals signals = WfdbRecordReader.ReadSignals(path);
        double fs = signals.Header.SamplingFrequency;
        var settings = new QrsDetectorSettings((int)Math.Round(fs), signals.GetGain(lead));
        short[] samples = signals.GetSignal(lead);
        List<Interval> declared = Declared(samples, settings);
        string annotations = path + ".atr";
        Reference reference = File.Exists(annotations)
            ? ReferenceOf(WfdbAnnotationReader.Read(annotations), samples.Length)
            : new Reference([], [], []);
        return Score(database, record, fs, samples.Length, declared, reference);
    }

    /// <summary>Streams a lead through the detector in one-second chunks and returns the declared intervals.</summary>
    public static List<Interval> Declared(short[] samples, QrsDetectorSettings settings)
    {
        var detector = new VentricularFibrillationDetector(settings);
        var sink = new IntervalSink();
        for (int offset = 0; offset < samples.Length; offset += settings.SamplingRateHz)
        {
            detector.Process(samples.AsSpan(offset, Math.Min(settings.SamplingRateHz, samples.Length - offset)), ref sink);
        }
        if (sink.Onset is { } open) sink.Intervals.Add(new Interval(open, samples.Length));
        return sink.Intervals;
    }

    public static Reference ReferenceOf(IReadOnlyList<WfdbAnnotation> annotations, long length)
    {
        var fibrillation = new List<Interval>();
        var tachycardia = new List<Interval>();
        var noise = new List<Interval>();
        string? rhythm = null;
        long rhythmStart = 0;
        long? flutterStart = null;
        void EndRhythm(long end)
        {
            List<Interval>? target = rhythm switch
            {
                "(VF" or "(VFL" or "(VFIB" => fibrillation,
                "(VT" => tachycardia,
                "(NOISE" => noise,
                _ => null,
            };
            target?.Add(new Interval(rhythmStart, end));
        }

        foreach (WfdbAnnotation annotation in annotations)
        {
            switch (annotation.Code)
            {
                case AnnotationCode.Rhythm:
                    EndRhythm(annotation.Sample);
                    rhythm = annotation.Aux?.TrimEnd('\0');
                    rhythmStart = annotation.Sample;
                    break;
                case AnnotationCode.Vfon:
                    flutterStart ??= annotation.Sample;
                    break;
                case AnnotationCode.Vfoff when flutterStart is { } start:
                    fibrillation.Add(new Interval(start, annotation.Sample));
                    flutterStart = null;
                    break;
            }
        }
        EndRhythm(length);
        if (flutterStart is { } unclosed) fibrillation.Add(new Interval(unclosed, length));
        tachycardia.AddRange(PvcRuns(annotations));
        return new Reference(Merge(fibrillation), Merge(tachycardia), Merge(noise));
    }

    public static RecordScore Score(string database, string record, double fs, long length, List<Interval> declared, Reference reference)
    {
        long grace = (long)(DetectionGraceSeconds * fs), lag = (long)(OffsetLagSeconds * fs);
        int detected = 0, inTime = 0;
        var delays = new List<double>();
        foreach (Interval episode in reference.Fibrillation)
        {
            Interval? first = declared.Cast<Interval?>().FirstOrDefault(d => d!.Value.Overlaps(episode.Start, episode.End + grace));
            if (first is not { } hit) continue;
            detected++;
            double delay = Math.Max(0, hit.Start - episode.Start) / fs;
            delays.Add(delay);
            if (delay <= AlarmDelaySeconds) inTime++;
        }

        List<Interval> excused = Merge([.. reference.Fibrillation.Concat(reference.Tachycardia).Select(i => new Interval(i.Start, i.End + lag))]);
        List<Interval> falseParts = Subtract(declared, excused);
        double falseSeconds = falseParts.Sum(i => i.End - i.Start) / fs;
        double inNoise = falseParts.Sum(f => reference.Noise.Sum(n => f.OverlapWith(n))) / fs;
        int falseEpisodes = declared.Count(d => !excused.Any(e => e.Overlaps(d.Start, d.End)));
        return new RecordScore(database, record, length / fs, reference.Fibrillation.Count, detected, inTime, delays, falseSeconds, inNoise, falseEpisodes);
    }

    /// <summary>One line per group of records: episodes, detected, in time, onset delays, false VF.</summary>
    public static string Table(IEnumerable<(string Group, IReadOnlyList<RecordScore> Scores)> groups)
    {
        var lines = new List<string> { "| records | hours | VF episodes | detected | declared <= 5 s | delay median / max (s) | false VF (s) | of it in (NOISE (s) | false episodes |", "|---|---|---|---|---|---|---|---|---|" };
        foreach (var (group, scores) in groups)
        {
            var delays = scores.SelectMany(s => s.OnsetDelaysSeconds).Order().ToList();
            string delay = delays.Count == 0 ? "-" : $"{delays[(delays.Count - 1) / 2]:F1} / {delays[^1]:F1}";
            int episodes = scores.Sum(s => s.Episodes), detected = scores.Sum(s => s.Detected), inTime = scores.Sum(s => s.DetectedInTime);
            lines.Add($"| {group} | {scores.Sum(s => s.DurationSeconds) / 3600:F1} | {episodes} | {detected} ({Percent(detected, episodes)}) | {inTime} ({Percent(inTime, episodes)}) | {delay} | {scores.Sum(s => s.FalseSeconds):F0} | {scores.Sum(s => s.FalseSecondsInNoise):F0} | {scores.Sum(s => s.FalseEpisodes)} |");
        }
        return string.Join(Environment.NewLine, lines);
    }

    private static string Percent(int part, int whole) => whole == 0 ? "-" : $"{100.0 * part / whole:F1} %";

    /// <summary>Runs of three or more consecutive annotated PVCs, from the first to the last.</summary>
    private static IEnumerable<Interval> PvcRuns(IReadOnlyList<WfdbAnnotation> annotations)
    {
        var beats = annotations.Where(a => AnnotationCode.IsBeat(a.Code)).ToList();
        for (int i = 0; i < beats.Count;)
        {
            int j = i;
            while (j < beats.Count && beats[j].Code == AnnotationCode.Pvc) j++;
            if (j - i >= 3) yield return new Interval(beats[i].Sample, beats[j - 1].Sample);
            i = Math.Max(j, i + 1);
        }
    }

    private static List<Interval> Merge(List<Interval> intervals)
    {
        var merged = new List<Interval>();
        foreach (Interval interval in intervals.OrderBy(i => i.Start))
        {
            if (merged.Count > 0 && interval.Start <= merged[^1].End)
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, interval.End) };
            else merged.Add(interval);
        }
        return merged;
    }

    private static List<Interval> Subtract(List<Interval> intervals, List<Interval> removed)
    {
        var result = new List<Interval>();
        foreach (Interval interval in intervals)
        {
            long start = interval.Start;
            foreach (Interval cut in removed.Where(r => r.Overlaps(interval.Start, interval.End)))
            {
                if (cut.Start > start) result.Add(new Interval(start, cut.Start));
                start = Math.Max(start, cut.End);
            }
            if (start < interval.End) result.Add(new Interval(start, interval.End));
        }
        return result;
    }

    private sealed class IntervalSink : IRhythmSink
    {
        public List<Interval> Intervals { get; } = [];
        public long? Onset { get; private set; }

        public void OnRhythmEvent(in RhythmEvent rhythmEvent)
        {
            if (rhythmEvent.Condition != RhythmCondition.VentricularFibrillation) return;
            if (rhythmEvent.Onset) Onset = rhythmEvent.SampleIndex;
            else if (Onset is { } start)
            {
                Intervals.Add(new Interval(start, rhythmEvent.SampleIndex));
                Onset = null;
            }
        }
    }
}
