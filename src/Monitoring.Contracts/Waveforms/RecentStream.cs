namespace Monitoring.Contracts.Waveforms;

/// <summary>
/// The recent past of a device's stream to its patient, oldest first: stored segments, then the samples its device
/// grain holds that are not stored yet, from <see cref="HeldFromUnixMs"/> on (device clock; the end of the range when
/// it holds none).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RecentStream
{
    [Id(0)] public IReadOnlyList<WaveformSegment> Segments { get; init; } = [];
    [Id(1)] public long HeldFromUnixMs { get; init; }
}
