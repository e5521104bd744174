namespace Monitoring.Wfdb;

/// <summary>
/// Layout of an MIT-format annotation file (annot(5)): 16-bit little-endian words, code in the top 6 bits,
/// data (time delta, or a pseudo-annotation's value) in the low 10 bits. Codes 59-63 are pseudo-annotations.
/// </summary>
internal static class MitAnnotationWord
{
    public const int CodeShift = 10;
    public const int DataMask = 0x3FF;
    public const int MaxDelta = 1023;

    public const int Skip = 59; // followed by a 32-bit time delta, high 16 bits first
    public const int Num = 60;  // sets num of the current and all later annotations
    public const int Sub = 61;  // sets subtyp of the current annotation
    public const int Chn = 62;  // sets chan of the current and all later annotations
    public const int Aux = 63;  // followed by (data) bytes of aux text, padded to an even count

    /// <summary>Lowest pseudo-annotation code; annotation codes are 0..58.</summary>
    public const int FirstPseudoCode = Skip;

    public static int Make(int code, int data) => (code << CodeShift) | (data & DataMask);

    /// <summary>
    /// SUB and NUM carry WFDB's signed char fields; writers store them as (value &amp; 0x3FF), so -1 arrives as 1023.
    /// </summary>
    public static int SignExtend(int data) => (data << 22) >> 22;
}
