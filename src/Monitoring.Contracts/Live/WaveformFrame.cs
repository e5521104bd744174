using MessagePack;

namespace Monitoring.Contracts.Live;

/// <summary>A stretch of a patient's live ECG for consoles, interleaved by lead like <see cref="Devices.DeviceBatch"/>.</summary>
[MessagePackObject, GenerateSerializer, Immutable]
public sealed record WaveformFrame
{
    [Key("patientId"), Id(0)] public string PatientId { get; init; } = "";
    [Key("firstSampleUnixMs"), Id(1)] public long FirstSampleUnixMs { get; init; }
    [Key("samplingRateHz"), Id(2)] public int SamplingRateHz { get; init; }
    [Key("gainUnitsPerMv"), Id(3)] public double GainUnitsPerMv { get; init; }
    [Key("leads"), Id(4)] public string[] Leads { get; init; } = [];
    [Key("samples"), Id(5)] public short[] Samples { get; init; } = [];

    /// <summary>Pacemaker pulses the device reported, as sample indices (per lead) within the frame.</summary>
    [Key("pacePulses"), Id(6)] public int[] PacePulses { get; init; } = [];
}
