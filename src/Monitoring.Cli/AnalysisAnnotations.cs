using Monitoring.Detection.Classification;
using Monitoring.Wfdb;

namespace Monitoring.Cli;

/// <summary>Turns an analysis result into WFDB annotations: each beat labelled with its EC57 class.</summary>
public static class AnalysisAnnotations
{
    public static List<WfdbAnnotation> From(RecordAnalysis analysis)
    {
        var annotations = new List<WfdbAnnotation>(analysis.ClassifiedBeats.Count);
        foreach (var beat in analysis.ClassifiedBeats) annotations.Add(new WfdbAnnotation(beat.SampleIndex, Code(beat.Class)));
        return annotations;
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
