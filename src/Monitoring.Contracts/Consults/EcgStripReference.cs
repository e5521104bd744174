using MessagePack;

namespace Monitoring.Contracts.Consults;

/// <summary>A stretch of a patient's full-disclosure ECG (read it back with the waveform API): [from, to) in Unix ms.</summary>
[MessagePackObject, GenerateSerializer, Immutable]
public sealed record EcgStripReference
{
    [Key("patientId"), Id(0)] public string PatientId { get; init; } = "";
    [Key("fromUnixMs"), Id(1)] public long FromUnixMs { get; init; }
    [Key("toUnixMs"), Id(2)] public long ToUnixMs { get; init; }
}
