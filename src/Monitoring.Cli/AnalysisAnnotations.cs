using Monitoring.Detection.Classification;
using Monitoring.Detection.Rhythm;
using Monitoring.Evaluation;
using Monitoring.Wfdb;

namespace Monitoring.Cli;

/// <summary>
/// Turns an analysis result into WFDB annotations that our <c>evaluate</c> and the WFDB tools (bxb, rxr, epicmp) can
/// score: each beat labelled with its EC57 class (N, A for S, V, F, Q); rhythm changes as RHYTHM (<c>+</c>)
/// annotations with the MIT-BIH rhythm names; ventricular fibrillation or flutter as VFON <c>[</c> and VFOFF <c>]</c>.
/// <para>
/// The rhythm at any moment is the first of these whose condition is active, else <c>(N</c>: <c>(NOISE</c> (a
/// technical condition that makes the signal unreadable: all but the flat line), <c>(ASYS</c> (asystole), <c>(VT</c> (ventricular tachycardia,
/// sustained or not), <c>(IVR</c> (ventricular rhythm), <c>(AFIB</c> (atrial fibrillation), <c>(B</c> (ventricular
/// bigeminy), <c>(T</c> (ventricular trigeminy), <c>(SBR</c> (bradycardia). A rhythm annotation is written where
/// that changes; the record starts in <c>(N</c> without one. MIT-BIH has no name for sinus tachycardia, so
/// tachycardia is not marked.
/// </para>
/// </summary>
public static class AnalysisAnnotations
{
    /// <summary>Rhythm names in order of precedence.</summary>
    private static readonly string[] Rhythms = ["(NOISE", "(ASYS", "(VT", "(IVR", RhythmEpisodes.AtrialFibrillation, "(B", "(T", "(SBR"];

    /// <summary>Beats, rhythm changes and VF/flutter episodes, in time order.</summary>
    public static List<WfdbAnnotation> From(RecordAnalysis analysis)
    {
        var annotations = Beats(analysis);
        foreach (var rhythmEvent in analysis.RhythmEvents)
        {
            if (rhythmEvent.Condition != RhythmCondition.VentricularFibrillation) continue;
            annotations.Add(new WfdbAnnotation(rhythmEvent.SampleIndex, rhythmEvent.Onset ? AnnotationCode.Vfon : AnnotationCode.Vfoff));
        }
        AddRhythmChanges(annotations, analysis.RhythmEvents, analysis.SampleCount);
        // Rhythm events are dated back to the start of a run or an irregular stretch; WFDB files are in time order.
        return [.. annotations.OrderBy(a => a.Sample)];
    }

    /// <summary>
    /// The beat labels alone, in time order: what QRS detection and beat classification are scored on. (EC57 skips a
    /// test annotator's beats inside its own <c>[</c> <c>]</c> episodes, so with <see cref="From"/> every false
    /// fibrillation episode also costs QRS sensitivity.)
    /// </summary>
    public static List<WfdbAnnotation> Beats(RecordAnalysis analysis)
    {
        var annotations = new List<WfdbAnnotation>(analysis.ClassifiedBeats.Count + 64);
        foreach (var beat in analysis.ClassifiedBeats) annotations.Add(new WfdbAnnotation(beat.SampleIndex, Code(beat.Class)));
        return annotations;
    }

    /// <summary>The WFDB code that stands for each class: N, A (for S), V, F, Q, and / for a paced beat (EC57 class Q).</summary>
    public static int Code(BeatClass beatClass) => beatClass switch
    {
        BeatClass.Supraventricular => AnnotationCode.Apc,
        BeatClass.Ventricular => AnnotationCode.Pvc,
        BeatClass.Fusion => AnnotationCode.Fusion,
        BeatClass.Unclassifiable => AnnotationCode.Unknown,
        BeatClass.Paced => AnnotationCode.Pace,
        _ => AnnotationCode.Normal,
    };

    /// <summary>The index in <see cref="Rhythms"/> of the rhythm a condition marks, or -1.</summary>
    public static int RhythmOf(RhythmCondition condition) => condition switch
    {
        RhythmCondition.FlatLine => -1,   // a prompt to check the leads; the signal is not called unreadable (asystole stands)
        >= RhythmCondition.SignalArtifact => 0,
        RhythmCondition.Asystole => 1,
        RhythmCondition.VentricularTachycardia or RhythmCondition.NonSustainedVentricularTachycardia => 2,
        RhythmCondition.VentricularRhythm => 3,
        RhythmCondition.AtrialFibrillation => 4,
        RhythmCondition.Bigeminy => 5,
        RhythmCondition.Trigeminy => 6,
        RhythmCondition.Bradycardia or RhythmCondition.ExtremeBradycardia => 7,
        _ => -1,
    };

    private static void AddRhythmChanges(List<WfdbAnnotation> annotations, IReadOnlyList<RhythmEvent> events, long recordEnd)
    {
        // Each condition's episodes become +1 at the onset and -1 at the end of its rhythm; an open one ends with the record.
        var changes = new List<(long Sample, int Rhythm, int Step)>();
        var onsets = new Dictionary<RhythmCondition, long>();
        foreach (var rhythmEvent in events)
        {
            int rhythm = RhythmOf(rhythmEvent.Condition);
            if (rhythm < 0) continue;
            if (rhythmEvent.Onset) onsets[rhythmEvent.Condition] = rhythmEvent.SampleIndex;
            else if (onsets.Remove(rhythmEvent.Condition, out long onset)) AddEpisode(changes, rhythm, onset, rhythmEvent.SampleIndex);
        }
        foreach (var (condition, onset) in onsets) AddEpisode(changes, RhythmOf(condition), onset, recordEnd);

        var active = new int[Rhythms.Length];
        string current = RhythmEpisodes.Normal;
        changes.Sort((a, b) => a.Sample.CompareTo(b.Sample));
        for (int i = 0; i < changes.Count; i++)
        {
            active[changes[i].Rhythm] += changes[i].Step;
            if (i + 1 < changes.Count && changes[i + 1].Sample == changes[i].Sample) continue;
            int first = Array.FindIndex(active, count => count > 0);
            string rhythm = first >= 0 ? Rhythms[first] : RhythmEpisodes.Normal;
            if (rhythm == current) continue;
            current = rhythm;
            annotations.Add(new WfdbAnnotation(changes[i].Sample, AnnotationCode.Rhythm, Aux: rhythm));
        }
    }

    private static void AddEpisode(List<(long, int, int)> changes, int rhythm, long start, long end)
    {
        if (end <= start) return;
        changes.Add((start, rhythm, 1));
        changes.Add((end, rhythm, -1));
    }
}
