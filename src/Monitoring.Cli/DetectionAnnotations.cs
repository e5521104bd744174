using Monitoring.Wfdb;

namespace Monitoring.Cli;

/// <summary>Turns a detection result into WFDB annotations: every beat <c>N</c> until beat classification exists.</summary>
public static class DetectionAnnotations
{
    public static List<WfdbAnnotation> From(RecordDetection detection)
    {
        var annotations = new List<WfdbAnnotation>(detection.Beats.Count);
        foreach (var beat in detection.Beats) annotations.Add(new WfdbAnnotation(beat.SampleIndex, AnnotationCode.Normal));
        return annotations;
    }
}
