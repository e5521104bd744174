using Monitoring.Contracts.Waveforms;
using Monitoring.Grains.Waveforms;

namespace Monitoring.Grains.Cluster.Tests;

/// <summary>A full-disclosure store that keeps nothing (no test here reads waveforms back).</summary>
public sealed class NullFullDisclosureStore : IFullDisclosureStore
{
    public Task<int> WriteAsync(string patientId, WaveformSegment segment, CancellationToken cancellationToken = default) => Task.FromResult(0);

    public Task<StoredThrough?> ReadStoredThroughAsync(string patientId, string deviceId, long sinceUnixMs, long untilUnixMs, CancellationToken cancellationToken = default) =>
        Task.FromResult<StoredThrough?>(null);

    public Task<IReadOnlyList<WaveformSegment>> ReadAsync(string patientId, long fromUnixMs, long toUnixMs, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<WaveformSegment>>([]);
}
