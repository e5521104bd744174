namespace Monitoring.Wfdb;

/// <summary>
/// The samples of a record in raw ADC units, one array per signal. Physical value = (sample - baseline) / gain.
/// </summary>
public sealed class WfdbSignals
{
    private readonly short[][] _samples;

    internal WfdbSignals(WfdbHeader header, short[][] samples)
    {
        Header = header;
        _samples = samples;
    }

    /// <summary>The record's header; its <see cref="WfdbHeader.SampleCount"/> is the number of samples actually read
    /// (derived from the file length when the header gave none).</summary>
    public WfdbHeader Header { get; }

    public int SignalCount => _samples.Length;

    public long SampleCount => Header.SampleCount;

    /// <summary>
    /// The samples of signal <paramref name="index"/> in ADC units. Returns the stored array itself, not a copy,
    /// so that 30-minute records are not duplicated on every call: treat it as read-only.
    /// </summary>
    public short[] GetSignal(int index) => _samples[CheckIndex(index)];

    /// <summary>ADC units per physical unit (per mV) of signal <paramref name="index"/>.</summary>
    public double GetGain(int index) => Header.Signals[CheckIndex(index)].Gain;

    /// <summary>The ADC value of 0 physical units of signal <paramref name="index"/>.</summary>
    public int GetBaseline(int index) => Header.Signals[CheckIndex(index)].Baseline;

    private int CheckIndex(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _samples.Length);
        return index;
    }
}
