namespace Monitoring.Wfdb;

/// <summary>
/// One signal line of a WFDB header (WFDB Programmer's Guide, header(5)).
/// </summary>
/// <param name="FileName">The signal file, relative to the header's directory.</param>
/// <param name="Format">The storage format (212, 16, 80, ...).</param>
/// <param name="Gain">ADC units per physical unit (per mV for ECG); 0 or missing in the header means the WFDB default 200.</param>
/// <param name="Baseline">The ADC value of 0 physical units; defaults to <paramref name="AdcZero"/>.</param>
/// <param name="Units">Physical units; "mV" when the header does not say.</param>
/// <param name="AdcResolution">Bits of ADC resolution; when missing, the format's natural width (12 for 212, 16 for 16, 8 for 80).</param>
/// <param name="AdcZero">The ADC value in the middle of the ADC's range.</param>
/// <param name="InitialValue">The first sample of the signal; defaults to <paramref name="AdcZero"/>.</param>
/// <param name="Checksum">The 16-bit sum of all samples as written in the header, or null when the header has none.</param>
/// <param name="BlockSize">The block size (0 for ordinary files).</param>
/// <param name="Description">The signal description (e.g. "MLII"); empty when missing.</param>
public sealed record WfdbSignalInfo(
    string FileName,
    int Format,
    double Gain,
    int Baseline,
    string Units,
    int AdcResolution,
    int AdcZero,
    int InitialValue,
    int? Checksum,
    int BlockSize,
    string Description)
{
    /// <summary>
    /// Bytes to skip at the start of the signal file before the first sample (the "+offset" suffix of the format field); usually 0.
    /// </summary>
    public long ByteOffset { get; init; }
}
