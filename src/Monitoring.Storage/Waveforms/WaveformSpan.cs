namespace Monitoring.Storage.Waveforms;

/// <summary>Samples read back without interruption: consecutive stored segments joined where they continue one another.</summary>
/// <param name="Start">The time of the first sample (UTC).</param>
/// <param name="Samples">Samples per lead: <c>Samples[lead][i]</c>, raw ADC units.</param>
/// <param name="GainUnitsPerMv">ADC units per millivolt of every joined segment.</param>
/// <param name="DeviceId">The device that recorded them.</param>
public sealed record WaveformSpan(DateTimeOffset Start, int SamplingRateHz, IReadOnlyList<string> LeadNames, short[][] Samples, double GainUnitsPerMv = 0, string DeviceId = "")
{
    /// <summary>Pacemaker pulses the device reported, as increasing sample indices within the span.</summary>
    public int[] PacePulses { get; init; } = [];

    public int SampleCount => Samples[0].Length;

    /// <summary>One sample period after the last sample.</summary>
    public DateTimeOffset End => Start.AddTicks(SampleClock.OffsetTicks(SampleCount, SamplingRateHz));
}
