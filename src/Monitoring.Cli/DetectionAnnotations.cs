using Monitoring.Evaluation;
using Monitoring.Wfdb;

namespace Monitoring.Cli;

/// <summary>Turns a detection result into WFDB annotations: every beat <c>N</c>, unreadable stretches as EC57 shutdown marks.</summary>
public static class DetectionAnnotations
{
    public static List<WfdbAnnotation> From(RecordDetection detection)
    {
        var annotations = new List<WfdbAnnotation>(detection.Beats.Count + 2 * detection.Noise.Count);
        foreach (var beat in detection.Beats) annotations.Add(new WfdbAnnotation(beat.SampleIndex, AnnotationCode.Normal));
        foreach (var (start, end) in detection.Noise)
        {
            // EC57 shutdown: the end mark must directly follow the start mark (see Ec57.ShutdownStart).
            annotations.Add(Ec57.ShutdownStart(start));
            annotations.Add(Ec57.ShutdownEnd(end));
        }
        // A stable sort keeps each shutdown's start and end marks adjacent and in order.
        return annotations.OrderBy(a => a.Sample).ToList();
    }
}
