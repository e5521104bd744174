using Monitoring.Wfdb;

namespace Monitoring.Evaluation.Tests;

/// <summary>Short-hand builders for synthetic annotation lists.</summary>
internal static class Ann
{
    public const double Fs = 360;

    public static WfdbAnnotation N(long sample) => new(sample, AnnotationCode.Normal);
    public static WfdbAnnotation V(long sample) => new(sample, AnnotationCode.Pvc);
    public static WfdbAnnotation A(long sample) => new(sample, AnnotationCode.Apc);
    public static WfdbAnnotation F(long sample) => new(sample, AnnotationCode.Fusion);
    public static WfdbAnnotation Paced(long sample) => new(sample, AnnotationCode.Pace);
    public static WfdbAnnotation Beat(long sample, int code) => new(sample, code);
    public static WfdbAnnotation VfOn(long sample) => new(sample, AnnotationCode.Vfon);
    public static WfdbAnnotation VfOff(long sample) => new(sample, AnnotationCode.Vfoff);
    public static WfdbAnnotation Noise(long sample, int subType) => new(sample, AnnotationCode.Noise, SubType: subType);

    /// <summary>Normal beats every <paramref name="interval"/> samples from <paramref name="first"/> up to <paramref name="last"/>.</summary>
    public static List<WfdbAnnotation> Normals(long first, long last, long interval = 360)
    {
        var beats = new List<WfdbAnnotation>();
        for (long sample = first; sample <= last; sample += interval)
            beats.Add(N(sample));
        return beats;
    }

    /// <summary>Compares at 360 Hz (or <paramref name="fs"/>), by default over the whole record.</summary>
    public static RecordComparison Compare(
        IReadOnlyList<WfdbAnnotation> reference, IReadOnlyList<WfdbAnnotation> test, Ec57Options? options = null, double fs = Fs) =>
        Ec57Comparer.Compare("test", reference, test, fs, options ?? Ec57Options.WholeRecord);
}
