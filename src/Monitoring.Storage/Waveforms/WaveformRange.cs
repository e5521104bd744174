namespace Monitoring.Storage.Waveforms;

/// <summary>
/// What <see cref="WaveformStore.ReadAsync"/> found for [<see cref="From"/>, <see cref="To"/>): the stored samples
/// in time order and the stretches without any, each at least one sample period long.
/// </summary>
public sealed record WaveformRange(
    string PatientId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<WaveformSpan> Spans, IReadOnlyList<WaveformGap> Gaps)
{
    public bool IsComplete => Gaps.Count == 0;
}
