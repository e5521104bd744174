using System.Collections.Concurrent;
using Monitoring.Contracts.Waveforms;
using Monitoring.Grains.Devices;
using Monitoring.Grains.Waveforms;

namespace Monitoring.Grains.Cluster.Tests;

/// <summary>Full disclosure kept in memory, per patient stream: what a resumed analysis reads back, and how far a device stored (a new activation catches up from there). No exactly-once bookkeeping.</summary>
public sealed class MemoryFullDisclosureStore : IFullDisclosureStore
{
    private readonly ConcurrentDictionary<string, List<WaveformSegment>> _streams = new();
    private readonly ConcurrentDictionary<string, int> _reads = new();

    /// <summary>How often <see cref="ReadAsync"/> read the stream.</summary>
    public int ReadsOf(string patientId) => _reads.GetValueOrDefault(patientId);

    public Task<int> WriteAsync(string patientId, WaveformSegment segment, CancellationToken cancellationToken = default)
    {
        List<WaveformSegment> stream = _streams.GetOrAdd(patientId, _ => []);
        lock (stream) stream.Add(segment);
        return Task.FromResult(0);
    }

    /// <summary>
    /// The newest segment the device stored in the stream since <paramref name="sinceUnixMs"/>, and where the unbroken
    /// run of its segments that ends with it begins (the table store reads both from its fence rows).
    /// </summary>
    public Task<StoredThrough?> ReadStoredThroughAsync(string patientId, string deviceId, long sinceUnixMs, long untilUnixMs, CancellationToken cancellationToken = default)
    {
        if (!_streams.TryGetValue(patientId, out List<WaveformSegment>? stream)) return Task.FromResult<StoredThrough?>(null);
        lock (stream)
        {
            List<WaveformSegment> device = [.. stream.Where(s => s.DeviceId == deviceId)];
            WaveformSegment? newest = device.Where(s => s.EndUnixMs > sinceUnixMs).MaxBy(s => s.EndUnixMs);
            if (newest is null) return Task.FromResult<StoredThrough?>(null);
            var stored = device.SelectMany(s => Enumerable.Range((int)s.FirstSequence, (int)(s.LastSequence - s.FirstSequence + 1))).ToHashSet();
            long runFrom = newest.LastSequence;
            while (stored.Contains((int)runFrom - 1)) runFrom--;
            return Task.FromResult<StoredThrough?>(new StoredThrough(newest.LastSequence, newest.EndUnixMs, runFrom));
        }
    }

    public Task<IReadOnlyList<WaveformSegment>> ReadAsync(string patientId, long fromUnixMs, long toUnixMs, CancellationToken cancellationToken = default)
    {
        _reads.AddOrUpdate(patientId, 1, (_, reads) => reads + 1);
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
