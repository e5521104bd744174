using MessagePack;

namespace Monitoring.Contracts.Devices;

/// <summary>
/// One batch of ECG samples from a device: the unit of the device wire format (MessagePack, integer keys) and of the
/// calls into the device's grain. Samples are interleaved by lead: <c>[l0 s0, l1 s0, ..., l0 s1, l1 s1, ...]</c>.
/// </summary>
[MessagePackObject, GenerateSerializer, Immutable]
public sealed class DeviceBatch
{
    /// <summary>The device's id, as registered by an operator. Must match the device's credential.</summary>
    [Key(0), Id(0)] public string DeviceId { get; init; } = "";

    /// <summary>Per-device batch number: 1 for the first batch, then +1 per batch, across reconnects.</summary>
    [Key(1), Id(1)] public long Sequence { get; init; }

    /// <summary>Acquisition time of the first sample, in Unix milliseconds (UTC), from the device's clock.</summary>
    [Key(2), Id(2)] public long FirstSampleTimeUnixMs { get; init; }

    /// <summary>Samples per second per lead, 100 to 1000.</summary>
    [Key(3), Id(3)] public int SamplingRateHz { get; init; }

    /// <summary>ADC units per millivolt.</summary>
    [Key(4), Id(4)] public double GainUnitsPerMv { get; init; }

    /// <summary>Lead names in sample order, 1 to 12 (for example "II", or "I","II","III","aVR",...,"V6").</summary>
    [Key(5), Id(5)] public string[] Leads { get; init; } = [];

    /// <summary>Interleaved samples in ADC units; the count is a multiple of the lead count.</summary>
    [Key(6), Id(6)] public short[] Samples { get; init; } = [];

    /// <summary>Bit i set: the device reports lead i off (electrode detached). Optional.</summary>
    [Key(7), Id(7)] public int LeadsOffMask { get; init; }

    /// <summary>Battery charge in percent, or -1 when mains powered or not reported. Optional.</summary>
    [Key(8), Id(8)] public int BatteryPercent { get; init; } = -1;

    /// <summary>
    /// Pacemaker pulses the device detected (in its front end, at a far higher rate than it samples): the sample index
    /// within this batch (per lead, 0-based) at which each fell, in increasing order. Optional; used for patients set
    /// as paced.
    /// </summary>
    [Key(9), Id(9)] public int[] PacePulses { get; init; } = [];

    /// <summary>Samples per lead in this batch.</summary>
    [IgnoreMember] public int SamplesPerLead => Leads.Length == 0 ? 0 : Samples.Length / Leads.Length;

    /// <summary>Seconds of signal in this batch.</summary>
    [IgnoreMember] public double DurationSeconds => SamplingRateHz <= 0 ? 0 : SamplesPerLead / (double)SamplingRateHz;

    /// <summary>Device time just after the last sample.</summary>
    [IgnoreMember] public long EndUnixMs => FirstSampleTimeUnixMs + (long)Math.Round(DurationSeconds * 1000);
}
