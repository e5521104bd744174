using System.Collections.Concurrent;
using Monitoring.Contracts.Waveforms;
using Monitoring.Grains.Devices;
using Monitoring.Grains.Waveforms;

namespace Monitoring.Grains.Cluster.Tests;

/// <summary>Full disclosure kept in memory, per patient stream: what a resumed analysis reads back, and how far a device stored (a new activation catches up from there). No exactly-once bookkeeping.</summary>
public sealed class MemoryFullDisclosureStore : IFullDisclosureStore
{
    private readonly ConcurrentDictionary<string, List<WaveformSegment>> _streams = new();

    public Task<int> WriteAsync(string patientId, WaveformSegment segment, CancellationToken cancellationToken = default)
    {
        List<WaveformSegment> stream = _streams.GetOrAdd(patientId, _ => []);
        lock (stream) stream.Add(segment);
        return Task.FromResult(0);
    }

    /// <summary>The newest segment the device stored in the stream since <paramref name="sinceUnixMs"/> (the table store reads its fence rows).</summary>
    public Task<StoredThrough?> ReadStoredThroughAsync(string patientId, string deviceId, long sinceUnixMs, long untilUnixMs, CancellationToken cancellationToken = default)
    {
        StoredThrough? newest = null;
        if (_streams.TryGetValue(patientId, out List<WaveformSegment>? stream))
        {
            lock (stream)
            {
                foreach (WaveformSegment segment in stream)
                {
                    if (segment.DeviceId == deviceId && segment.EndUnixMs > sinceUnixMs && (newest is null || segment.EndUnixMs > newest.Value.EndUnixMs))
                        newest = new StoredThrough(segment.LastSequence, segment.EndUnixMs);
                }
            }
        }
        return Task.FromResult(newest);
    }

    public Task<IReadOnlyList<WaveformSegment>> ReadAsync(string patientId, long fromUnixMs, long toUnixMs, CancellationToken cancellationToken = default)
    {
        var parts = new List<WaveformSegment>();
        if (_streams.TryGetValue(patientId, out List<WaveformSegment>? stream))
        {
            lock (stream)
            {
                foreach (WaveformSegment segment in stream.OrderBy(s => s.StartUnixMs))
                {
                    if (SegmentBuffer.Cut(segment, fromUnixMs, toUnixMs) is { } part) parts.Add(part);
                }
            }
        }
        return Task.FromResult<IReadOnlyList<WaveformSegment>>(parts);
    }
}
