using Monitoring.Detection.Analysis;
using Monitoring.Detection.Classification;
using Monitoring.Detection.Qrs;
using Monitoring.Detection.Rhythm;
using Monitoring.Evaluation;
using Monitoring.Wfdb;

namespace Monitoring.Detection.Tests;

/// <summary>
/// Scores the whole analysis (<see cref="EcgAnalyzer"/>) by its high-priority ventricular alarms on the annotated
/// ventricular fibrillation, flutter and tachycardia episodes of a record, the way issue 3 §6 states the VF/VT target:
/// <list type="bullet">
/// <item>VF episodes: as in <see cref="VfEpisodes"/> (<c>(VF</c>, <c>(VFL</c>, <c>(VFIB</c> rhythm intervals and
/// <c>[</c>…<c>]</c>, merged where they touch). VT episodes: <c>(VT</c> rhythm intervals, each on its own even when it
/// runs straight into VF.</item>
/// <item>An episode is detected when VF or VT is declared at some moment from its onset to
/// <see cref="VfEpisodes.DetectionGraceSeconds"/> after its end, or is still standing at its onset (delay 0).</item>
/// <item>The delay runs from the annotated onset to the moment of declaration: the end of the 250 ms batch whose
/// processing raised the alarm, not the sample the event is dated back to (a VT onset is dated to its first PVC).</item>
/// </list>
/// </summary>
internal static class ShockableEpisodes
{
    public const double BatchSeconds = 0.25;

    public sealed record EpisodeScore(string Kind, double OnsetSeconds, double DurationSeconds, double? DelaySeconds, RhythmCondition? DeclaredAs)
    {
        public bool Detected => DelaySeconds is not null;
        public bool InTime => DelaySeconds <= VfEpisodes.AlarmDelaySeconds;
    }

    /// <summary>A VF or VT alarm: the condition, when it was raised and when it ended (samples).</summary>
    public readonly record struct Declaration(RhythmCondition Condition, long DeclaredAt, long EndedAt);

    public static List<EpisodeScore> Score(string database, string record, int lead = 0)
    {
        string path = SharedData.Record(database, record);
        WfdbSignals signals = WfdbRecordReader.ReadSignals(path);
        double fs = signals.Header.SamplingFrequency;
        short[] samples = signals.GetSignal(lead);
        var declarations = Declarations(samples, new QrsDetectorSettings((int)Math.Round(fs), signals.GetGain(lead)));
        var annotations = WfdbAnnotationReader.Read(path + ".atr");
        var fibrillation = VfEpisodes.ReferenceOf(annotations, samples.Length).Fibrillation;
        var tachycardia = RhythmEpisodes.Rhythm(annotations, RhythmEpisodes.VentricularTachycardia, samples.Length);
        long grace = (long)(VfEpisodes.DetectionGraceSeconds * fs);
        return
        [
            .. fibrillation.Select(e => ScoreOne("VF", e.Start, e.End, declarations, grace, fs)),
            .. tachycardia.Select(e => ScoreOne("VT", e.Start, e.End, declarations, grace, fs)),
        ];
    }

    private static EpisodeScore ScoreOne(string kind, long start, long end, List<Declaration> declarations, long grace, double fs)
    {
        foreach (var d in declarations)
        {
            if (d.DeclaredAt < end + grace && d.EndedAt > start)
                return new EpisodeScore(kind, start / fs, (end - start) / fs, Math.Max(0, d.DeclaredAt - start) / fs, d.Condition);
        }
        return new EpisodeScore(kind, start / fs, (end - start) / fs, null, null);
    }

    /// <summary>VF and VT alarms in order of declaration, streaming the lead in batches of <see cref="BatchSeconds"/>.</summary>
    public static List<Declaration> Declarations(short[] samples, QrsDetectorSettings settings)
    {
        var analyzer = new EcgAnalyzer(settings);
        var sink = new DeclarationSink();
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

    /// <summary>One line per group and kind: episodes, detected, declared within 5 s, delay median and maximum.</summary>
    public static string Table(IEnumerable<(string Group, IReadOnlyList<EpisodeScore> Scores)> groups)
    {
        var lines = new List<string> { "| records | episodes | detected | declared <= 5 s | delay median / max (s) |", "|---|---|---|---|---|" };
        foreach (var (group, scores) in groups)
        {
            foreach (var (kind, part) in new[] { ("VF", scores.Where(s => s.Kind == "VF").ToList()), ("VT", scores.Where(s => s.Kind == "VT").ToList()), ("VF + VT", scores.ToList()) })
            {
                if (part.Count == 0) continue;
                var delays = part.Where(s => s.Detected).Select(s => s.DelaySeconds!.Value).Order().ToList();
                string delay = delays.Count == 0 ? "-" : $"{delays[(delays.Count - 1) / 2]:F1} / {delays[^1]:F1}";
                int detected = part.Count(s => s.Detected), inTime = part.Count(s => s.InTime);
                lines.Add($"| {group} {kind} | {part.Count} | {detected} ({100.0 * detected / part.Count:F1} %) | {inTime} ({100.0 * inTime / part.Count:F1} %) | {delay} |");
            }
        }
        return string.Join(Environment.NewLine, lines);
    }

    private sealed class DeclarationSink : IAnalysisSink
    {
        public long Now;
        public Dictionary<RhythmCondition, long> Open { get; } = [];
        public List<Declaration> Declared { get; } = [];

        public void OnBeat(in QrsBeat beat) { }

        public void OnClassifiedBeat(in ClassifiedBeat beat) { }

        public void OnRhythmEvent(in RhythmEvent e)
        {
            if (e.Condition is not (RhythmCondition.VentricularFibrillation or RhythmCondition.VentricularTachycardia)) return;
            if (e.Onset) Open.TryAdd(e.Condition, Now);
            else if (Open.Remove(e.Condition, out long declaredAt)) Declared.Add(new Declaration(e.Condition, declaredAt, Now));
        }
    }
}
