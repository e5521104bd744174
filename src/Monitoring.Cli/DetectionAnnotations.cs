using Monitoring.Wfdb;

namespace Monitoring.Cli;

/// <summary>Turns a detection result into WFDB annotations: every beat <c>N</c>, unreadable stretches as noise marks.</summary>
public static class DetectionAnnotations
{
    public static List<WfdbAnnotation> From(RecordDetection detection)
    {
        var annotations = new List<WfdbAnnotation>(detection.Beats.Count + 2 * detection.Noise.Count);
        foreach (var beat in detection.Beats) annotations.Add(new WfdbAnnotation(beat.SampleIndex, AnnotationCode.Normal));
        foreach (var (start, end) in detection.Noise)
        {
            annotations.Add(new WfdbAnnotation(start, AnnotationCode.Noise, SubType: -1));
            annotations.Add(new WfdbAnnotation(end, AnnotationCode.Noise, SubType: 0));
        }
        annotations.Sort((a, b) => a.Sample.CompareTo(b.Sample));
        return annotations;
    }
}
