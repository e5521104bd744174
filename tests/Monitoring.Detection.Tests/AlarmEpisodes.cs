using Monitoring.Detection.Analysis;
using Monitoring.Detection.Classification;
using Monitoring.Detection.Qrs;
using Monitoring.Detection.Rhythm;
using Monitoring.Evaluation;
using Monitoring.Wfdb;

namespace Monitoring.Detection.Tests;

/// <summary>
/// Scores the whole analysis (<see cref="EcgAnalyzer"/>) by its alarms on annotated episodes, the way issue 3 §6 states
/// its targets. <see cref="Shockable"/>: the VF or VT alarm on the ventricular fibrillation, flutter and tachycardia
/// episodes; <see cref="Asystole"/>: the asystole alarm on the <c>(ASYS</c> episodes.
/// <list type="bullet">
/// <item>VF episodes: as in <see cref="VfEpisodes"/> (<c>(VF</c>, <c>(VFL</c>, <c>(VFIB</c> rhythm intervals and
/// <c>[</c>…<c>]</c>, merged where they touch). VT episodes: <c>(VT</c> rhythm intervals, each on its own even when it
/// runs straight into VF.</item>
/// <item>An episode is detected when one of the alarms is declared at some moment from its onset to
/// <see cref="VfEpisodes.DetectionGraceSeconds"/> after its end, or is still standing at its onset (delay 0).</item>
/// <item>The delay runs from the annotated onset to the moment of declaration: the end of the 250 ms batch whose
/// processing raised the alarm, not the sample the event is dated back to (a VT onset is dated to its first PVC).
/// In time: VF and VT within 5 s; asystole within 1 s after its delay has elapsed (5 s at the default 4 s).</item>
/// </list>
/// </summary>
internal static class AlarmEpisodes
{
    public const double BatchSeconds = 0.25;

    /// <summary>Asystole must be declared within 1 s after its delay (default 4 s) has elapsed.</summary>
    public static readonly double AsystoleAllowedSeconds = RhythmAlarmSettings.Default.AsystoleDelaySeconds + 1;

    public sealed record EpisodeScore(
        string Kind, double OnsetSeconds, double DurationSeconds, double? DelaySeconds, RhythmCondition? DeclaredAs, double AllowedDelaySeconds)
    {
        public bool Detected => DelaySeconds is not null;
        public bool InTime => DelaySeconds <= AllowedDelaySeconds;
    }

    /// <summary>A VF or VT alarm: the condition, when it was raised and when it ended (samples).</summary>
    public readonly record struct Declaration(RhythmCondition Condition, long DeclaredAt, long EndedAt);

    /// <summary>VF episodes (kind "VF") and VT episodes ("VT") scored by the VF and VT alarms.</summary>
    public static List<EpisodeScore> Shockable(string database, string record, int lead = 0)
    {
        var (annotations, samples, settings) = Read(database, record, lead);
        var declarations = Declarations(samples, settings, RhythmCondition.VentricularFibrillation, RhythmCondition.VentricularTachycardia);
        var fibrillation = VfEpisodes.ReferenceOf(annotations, samples.Length).Fibrillation.Select(e => (e.Start, e.End));
        var tachycardia = RhythmEpisodes.Rhythm(annotations, RhythmEpisodes.VentricularTachycardia, samples.Length).Select(e => (e.Start, e.End));
        return
        [
            .. Score("VF", fibrillation, declarations, settings, VfEpisodes.AlarmDelaySeconds),
            .. Score("VT", tachycardia, declarations, settings, VfEpisodes.AlarmDelaySeconds),
        ];
    }

    /// <summary><c>(ASYS</c> episodes scored by the asystole alarm.</summary>
    public static List<EpisodeScore> Asystole(string database, string record, int lead = 0)
    {
        var (annotations, samples, settings) = Read(database, record, lead);
        var declarations = Declarations(samples, settings, RhythmCondition.Asystole);
        var standstill = RhythmEpisodes.Rhythm(annotations, "(ASYS", samples.Length).Select(e => (e.Start, e.End));
        return Score("ASYS", standstill, declarations, settings, AsystoleAllowedSeconds);
    }

    private static (IReadOnlyList<WfdbAnnotation> Annotations, short[] Samples, QrsDetectorSettings Settings) Read(string database, string record, int lead)
    {
        string path = SharedData.Record(database, record);
        WfdbSignals signals = WfdbRecordReader.ReadSignals(path);
        var settings = new QrsDetectorSettings((int)Math.Round(signals.Header.SamplingFrequency), signals.GetGain(lead));
        return (WfdbAnnotationReader.Read(path + ".atr"), signals.GetSignal(lead), settings);
    }

    private static List<EpisodeScore> Score(string kind, IEnumerable<(long Start, long End)> episodes, List<Declaration> declarations, QrsDetectorSettings settings, double allowedDelaySeconds)
    {
        double fs = settings.SamplingRateHz;
        long grace = (long)(VfEpisodes.DetectionGraceSeconds * fs);
        return [.. episodes.Select(e => ScoreOne(kind, e.Start, e.End, declarations, grace, fs, allowedDelaySeconds))];
    }

    private static EpisodeScore ScoreOne(string kind, long start, long end, List<Declaration> declarations, long grace, double fs, double allowed)
    {
        foreach (var d in declarations)
        {
            if (d.DeclaredAt < end + grace && d.EndedAt > start)
                return new EpisodeScore(kind, start / fs, (end - start) / fs, Math.Max(0, d.DeclaredAt - start) / fs, d.Condition, allowed);
        }
        return new EpisodeScore(kind, start / fs, (end - start) / fs, null, null, allowed);
    }

    /// <summary>The alarms of <paramref name="conditions"/> in order of declaration, streaming the lead in batches of <see cref="BatchSeconds"/>.</summary>
    public static List<Declaration> Declarations(short[] samples, QrsDetectorSettings settings, params RhythmCondition[] conditions)
    {
        var analyzer = new EcgAnalyzer(settings);
        var sink = new DeclarationSink(conditions);
        int batch = (int)(settings.SamplingRateHz * BatchSeconds);
        for (int offset = 0; offset < samples.Length; offset += batch)
        {
            int length = Math.Min(batch, samples.Length - offset);
            sink.Now = offset + length;
            analyzer.Process(samples.AsSpan(offset, length), ref sink);
        }
        analyzer.Flush(ref sink, samples[^1]);
        foreach (var (condition, declaredAt) in sink.Open) sink.Declared.Add(new Declaration(condition, declaredAt, samples.Length));
        return [.. sink.Declared.OrderBy(d => d.DeclaredAt)];
    }

    /// <summary>One line per group and kind (and all kinds together when there are several): episodes, detected, declared in time, delay median and maximum.</summary>
    public static string Table(IEnumerable<(string Group, IReadOnlyList<EpisodeScore> Scores)> groups)
    {
        var lines = new List<string> { "| records | episodes | detected | declared in time | delay median / max (s) |", "|---|---|---|---|---|" };
        foreach (var (group, scores) in groups)
        {
            var kinds = scores.Select(s => s.Kind).Distinct().ToList();
            var parts = kinds.Select(kind => (kind, scores.Where(s => s.Kind == kind).ToList())).ToList();
            if (kinds.Count > 1) parts.Add((string.Join(" + ", kinds), scores.ToList()));
            foreach (var (kind, part) in parts)
            {
                var delays = part.Where(s => s.Detected).Select(s => s.DelaySeconds!.Value).Order().ToList();
                string delay = delays.Count == 0 ? "-" : $"{delays[(delays.Count - 1) / 2]:F1} / {delays[^1]:F1}";
                int detected = part.Count(s => s.Detected), inTime = part.Count(s => s.InTime);
                lines.Add($"| {group} {kind} | {part.Count} | {detected} ({100.0 * detected / part.Count:F1} %) | {inTime} ({100.0 * inTime / part.Count:F1} %) | {delay} |");
            }
        }
        return string.Join(Environment.NewLine, lines);
    }

    private sealed class DeclarationSink(RhythmCondition[] conditions) : IAnalysisSink
    {
        public long Now;
        public Dictionary<RhythmCondition, long> Open { get; } = [];
        public List<Declaration> Declared { get; } = [];

        public void OnBeat(in QrsBeat beat) { }

        public void OnClassifiedBeat(in ClassifiedBeat beat) { }

        public void OnRhythmEvent(in RhythmEvent e)
        {
            if (Array.IndexOf(conditions, e.Condition) < 0) return;
            if (e.Onset) Open.TryAdd(e.Condition, Now);
            else if (Open.Remove(e.Condition, out long declaredAt)) Declared.Add(new Declaration(e.Condition, declaredAt, Now));
        }
    }
}
