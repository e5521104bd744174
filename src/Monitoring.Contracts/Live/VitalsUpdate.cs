using MessagePack;

namespace Monitoring.Contracts.Live;

/// <summary>What a patient tile shows besides the waveform, sent about once a second.</summary>
[MessagePackObject, GenerateSerializer, Immutable]
public sealed record VitalsUpdate
{
    [Key("patientId"), Id(0)] public string PatientId { get; init; } = "";
    [Key("atUnixMs"), Id(1)] public long AtUnixMs { get; init; }
    [Key("heartRateBpm"), Id(2)] public double? HeartRateBpm { get; init; }
    [Key("rhythmLabel"), Id(3)] public string RhythmLabel { get; init; } = "";
    [Key("activeAlarms"), Id(4)] public int ActiveAlarms { get; init; }
}
