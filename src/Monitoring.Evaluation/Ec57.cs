using System.Collections.Frozen;
using Monitoring.Wfdb;

namespace Monitoring.Evaluation;

/// <summary>EC57 conventions shared by the comparer, the summary and annotation writers.</summary>
public static class Ec57
{
    /// <summary>
    /// The paced MIT-BIH Arrhythmia Database records. EC57 excludes them from VEB and SVEB statistics
    /// (WFDB's <c>mitxlist</c> is the other 44); QRS statistics still use them.
    /// </summary>
    public static FrozenSet<string> PacedMitdbRecords { get; } =
        new[] { "102", "104", "107", "217" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Bits 4 and 5 of a NOISE annotation's subtype. bxb treats a NOISE (<c>~</c>, code 14) annotation whose
    /// subtype has both bits set as the start of a shutdown (signals unreadable), and any other NOISE
    /// subtype as its end. MIT-BIH files use subtype -1 (all bits set) for this.
    /// </summary>
    public const int ShutdownSubTypeBits = 0x30;

    /// <summary>Subtype of the annotation that starts a shutdown: -1, the MIT-BIH "unreadable" value.</summary>
    public const int ShutdownStartSubType = -1;

    /// <summary>Subtype of the annotation that ends a shutdown: 0 (signal readable again).</summary>
    public const int ShutdownEndSubType = 0;

    /// <summary>
    /// The annotation that starts a test-annotator shutdown at <paramref name="sample"/>:
    /// <c>~</c> (code 14, <see cref="AnnotationCode.Noise"/>) with subtype -1.
    /// </summary>
    /// <remarks>
    /// Emit <see cref="ShutdownEnd"/> as the very next annotation (nothing in between, not even rhythm
    /// annotations): bxb pairs the start with the immediately following annotation. If something else
    /// follows, bxb falls back to the AHA convention and guesses the interval (from 150 ms after the previous
    /// beat to 150 ms before that next annotation). A writer that cannot store -1 may use 0x30 (48) instead;
    /// any subtype with bits 4 and 5 set starts a shutdown. In the file, -1 is stored as 0x3FF in the 10-bit
    /// SUB field, so readers may return -1, 255 or 1023; all of them have bits 4 and 5 set.
    /// </remarks>
    public static WfdbAnnotation ShutdownStart(long sample) =>
        new(sample, AnnotationCode.Noise, SubType: ShutdownStartSubType);

    /// <summary>
    /// The annotation that ends a shutdown at <paramref name="sample"/>: <c>~</c> (code 14) with subtype 0.
    /// Beats of either annotator exactly at the start or end sample are inside the shutdown.
    /// </summary>
    public static WfdbAnnotation ShutdownEnd(long sample) =>
        new(sample, AnnotationCode.Noise, SubType: ShutdownEndSubType);

    /// <summary>True for a NOISE annotation that starts a shutdown (subtype bits 4 and 5 both set).</summary>
    public static bool IsShutdownStart(WfdbAnnotation annotation) =>
        annotation.Code == AnnotationCode.Noise && (annotation.SubType & ShutdownSubTypeBits) == ShutdownSubTypeBits;

    /// <summary>True for a NOISE annotation that ends a shutdown (any subtype without both bits 4 and 5).</summary>
    public static bool IsShutdownEnd(WfdbAnnotation annotation) =>
        annotation.Code == AnnotationCode.Noise && (annotation.SubType & ShutdownSubTypeBits) != ShutdownSubTypeBits;
}
