using Monitoring.Contracts.Waveforms;

namespace Monitoring.Grains.Waveforms;

/// <summary>Full-disclosure ECG storage, per patient (the host supplies it: Azure Tables).</summary>
public interface IFullDisclosureStore
{
    /// <summary>
    /// Stores a segment so that each of its device batches (<see cref="WaveformSegment.Batches"/>) is stored exactly
    /// once, however often and by whom it is written (at-least-once delivery, two activations of a device grain).
    /// Returns the number of batches left out because storage already held them.
    /// </summary>
    Task<int> WriteAsync(string patientId, WaveformSegment segment, CancellationToken cancellationToken = default);

    /// <summary>
    /// How far storage holds the stream of <paramref name="deviceId"/> to <paramref name="patientId"/>, as its
    /// exactly-once bookkeeping records it, looking at the stream's data from <paramref name="sinceUnixMs"/> (device time
    /// up to which the caller already knows it stored) to <paramref name="untilUnixMs"/>; null when nothing there is stored.
    /// </summary>
    Task<StoredThrough?> ReadStoredThroughAsync(string patientId, string deviceId, long sinceUnixMs, long untilUnixMs, CancellationToken cancellationToken = default);

    /// <summary>The stored segments overlapping [from, to), in time order, cut to that range.</summary>
    Task<IReadOnlyList<WaveformSegment>> ReadAsync(string patientId, long fromUnixMs, long toUnixMs, CancellationToken cancellationToken = default);
}
