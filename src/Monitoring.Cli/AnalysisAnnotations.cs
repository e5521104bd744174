using Monitoring.Wfdb;

namespace Monitoring.Cli;

/// <summary>Turns an analysis result into WFDB annotations: every beat <c>N</c> until beat classification exists.</summary>
public static class AnalysisAnnotations
{
    public static List<WfdbAnnotation> From(RecordAnalysis analysis)
    {
        var annotations = new List<WfdbAnnotation>(analysis.Beats.Count);
        foreach (var beat in analysis.Beats) annotations.Add(new WfdbAnnotation(beat.SampleIndex, AnnotationCode.Normal));
        return annotations;
    }
}
