namespace Monitoring.Contracts.Waveforms;

/// <summary>
/// A contiguous stretch of one patient's full-disclosure ECG (several batches of one device joined), interleaved by
/// lead. The unit written to storage and read back for alarm review.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WaveformSegment
{
    [Id(0)] public string DeviceId { get; init; } = "";
    [Id(1)] public long StartUnixMs { get; init; }
    [Id(2)] public int SamplingRateHz { get; init; }
    [Id(3)] public double GainUnitsPerMv { get; init; }
    [Id(4)] public string[] Leads { get; init; } = [];
    [Id(5)] public short[] Samples { get; init; } = [];

    /// <summary>Device batch sequence numbers this segment holds (first and last).</summary>
    [Id(6)] public long FirstSequence { get; init; }
    [Id(7)] public long LastSequence { get; init; }

    /// <summary>Every batch in the segment, in order (empty when read back from storage).</summary>
    [Id(8)] public BatchMark[] Batches { get; init; } = [];

    /// <summary>Pacemaker pulses the device reported, as increasing sample indices within the segment (per lead).</summary>
    [Id(9)] public int[] PacePulses { get; init; } = [];

    public int SamplesPerLead => Leads.Length == 0 ? 0 : Samples.Length / Leads.Length;

    /// <summary>Time just after the last sample.</summary>
    public long EndUnixMs => StartUnixMs + (long)Math.Round(SamplesPerLead * 1000.0 / SamplingRateHz);
}
