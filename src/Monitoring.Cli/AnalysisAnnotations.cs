using Monitoring.Detection.Classification;
using Monitoring.Detection.Rhythm;
using Monitoring.Evaluation;
using Monitoring.Wfdb;

namespace Monitoring.Cli;

/// <summary>
/// Turns an analysis result into WFDB annotations: each beat labelled with its EC57 class, and each atrial fibrillation
/// episode marked as EC57 asks, a RHYTHM annotation <c>(AFIB</c> at its onset and <c>(N</c> at its end.
/// </summary>
public static class AnalysisAnnotations
{
    public static List<WfdbAnnotation> From(RecordAnalysis analysis)
    {
        var annotations = new List<WfdbAnnotation>(analysis.ClassifiedBeats.Count);
        foreach (var beat in analysis.ClassifiedBeats) annotations.Add(new WfdbAnnotation(beat.SampleIndex, Code(beat.Class)));
        foreach (var rhythmEvent in analysis.RhythmEvents)
        {
            if (rhythmEvent.Condition != RhythmCondition.AtrialFibrillation) continue;
            string rhythm = rhythmEvent.Onset ? RhythmEpisodes.AtrialFibrillation : RhythmEpisodes.Normal;
            annotations.Add(new WfdbAnnotation(rhythmEvent.SampleIndex, AnnotationCode.Rhythm, Aux: rhythm));
        }
        // Rhythm events are dated back to the start of the irregular stretch; WFDB files are in time order.
        return [.. annotations.OrderBy(a => a.Sample)];
    }

    /// <summary>The WFDB code that stands for each class: N, A (for S), V, F, Q.</summary>
    public static int Code(BeatClass beatClass) => beatClass switch
    {
        BeatClass.Supraventricular => AnnotationCode.Apc,
        BeatClass.Ventricular => AnnotationCode.Pvc,
        BeatClass.Fusion => AnnotationCode.Fusion,
        BeatClass.Unclassifiable => AnnotationCode.Unknown,
        _ => AnnotationCode.Normal,
    };
}
