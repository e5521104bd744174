namespace Monitoring.Wfdb;

/// <summary>
/// The contents of a single-segment WFDB header (.hea): record line plus one <see cref="WfdbSignalInfo"/> per signal.
/// </summary>
/// <param name="RecordName">The record name from the record line (e.g. "208").</param>
/// <param name="SignalCount">Number of signals.</param>
/// <param name="SamplingFrequency">Samples per second per signal; 250 (the WFDB default) when the header omits it.</param>
/// <param name="SampleCount">Samples per signal; 0 when the header omits it (then the signal file length decides).</param>
/// <param name="Signals">The signal descriptions, in header order.</param>
public sealed record WfdbHeader(
    string RecordName,
    int SignalCount,
    double SamplingFrequency,
    long SampleCount,
    IReadOnlyList<WfdbSignalInfo> Signals);
