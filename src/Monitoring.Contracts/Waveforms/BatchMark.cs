namespace Monitoring.Contracts.Waveforms;

/// <summary>
/// Where one device batch starts inside a <see cref="WaveformSegment"/>: its sequence number, its first sample's index
/// (per lead) in the segment and that sample's device time. Lets storage keep the batches it already holds out of a
/// segment, whoever wrote them.
/// </summary>
[GenerateSerializer, Immutable]
public readonly record struct BatchMark(
    [property: Id(0)] long Sequence,
    [property: Id(1)] int Offset,
    [property: Id(2)] long StartUnixMs);
