namespace Monitoring.Wfdb;

/// <summary>
/// One annotation of an MIT-format annotation file (WFDB Programmer's Guide, "Annotation files").
/// <see cref="Code"/> is the WFDB annotation code (1 = NORMAL, 5 = PVC, 28 = RHYTHM, ...); see <see cref="AnnotationCode"/>.
/// </summary>
public readonly record struct WfdbAnnotation(
    long Sample,
    int Code,
    int SubType = 0,
    int Channel = 0,
    int Number = 0,
    string? Aux = null);
