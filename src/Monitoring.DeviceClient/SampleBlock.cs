namespace Monitoring.DeviceClient;

/// <summary>
/// The samples of one batch before the client numbers it: what a device acquired, without the device id and
/// sequence number that <see cref="DeviceClient"/> adds. Samples are interleaved by lead, as in
/// <see cref="Monitoring.Contracts.Devices.DeviceBatch"/>.
/// </summary>
/// <param name="FirstSampleTimeUnixMs">Acquisition time of the first sample, Unix milliseconds (UTC), device clock.</param>
/// <param name="SamplingRateHz">Samples per second per lead.</param>
/// <param name="GainUnitsPerMv">ADC units per millivolt.</param>
/// <param name="Leads">Lead names in sample order.</param>
/// <param name="Samples">Interleaved samples: <c>[l0 s0, l1 s0, ..., l0 s1, ...]</c>.</param>
public sealed record SampleBlock(
    long FirstSampleTimeUnixMs,
    int SamplingRateHz,
    double GainUnitsPerMv,
    string[] Leads,
    short[] Samples)
{
    /// <summary>Bit i set: lead i is off (electrode detached).</summary>
    public int LeadsOffMask { get; init; }

    /// <summary>Battery charge in percent, or -1 when mains powered or not reported.</summary>
    public int BatteryPercent { get; init; } = -1;

    /// <summary>Pacemaker pulses the front end detected: sample indices within the block (per lead), increasing.</summary>
    public int[] PacePulses { get; init; } = [];

    public int SamplesPerLead => Leads.Length == 0 ? 0 : Samples.Length / Leads.Length;

    /// <summary>Signal time this block covers, in seconds.</summary>
    public double DurationSeconds => SamplingRateHz <= 0 ? 0 : (double)SamplesPerLead / SamplingRateHz;
}
