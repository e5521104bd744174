using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Waveforms;
using Monitoring.Grains.Alarms;
using Monitoring.Grains.Waveforms;

namespace Monitoring.Grains.Cluster.Tests;

/// <summary>An alarm journal that keeps nothing (these tests read alarms from the grains and the publisher).</summary>
public sealed class NullAlarmJournal : IAlarmJournal
{
    public Task AppendAsync(Alarm alarm, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IReadOnlyList<Alarm>> ReadAsync(string patientId, long fromUnixMs, long toUnixMs, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Alarm>>([]);
}

/// <summary>A full-disclosure store that keeps nothing (no test here reads waveforms back).</summary>
public sealed class NullFullDisclosureStore : IFullDisclosureStore
{
    public Task WriteAsync(string patientId, WaveformSegment segment, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IReadOnlyList<WaveformSegment>> ReadAsync(string patientId, long fromUnixMs, long toUnixMs, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<WaveformSegment>>([]);
}
