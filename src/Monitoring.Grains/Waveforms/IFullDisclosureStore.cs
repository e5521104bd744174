using Monitoring.Contracts.Waveforms;

namespace Monitoring.Grains.Waveforms;

/// <summary>Full-disclosure ECG storage, per patient (the host supplies it: Azure Tables).</summary>
public interface IFullDisclosureStore
{
    /// <summary>Stores a segment; writing the same segment twice stores it once (at-least-once delivery).</summary>
    Task WriteAsync(string patientId, WaveformSegment segment, CancellationToken cancellationToken = default);

    /// <summary>The stored segments overlapping [from, to), in time order, cut to that range.</summary>
    Task<IReadOnlyList<WaveformSegment>> ReadAsync(string patientId, long fromUnixMs, long toUnixMs, CancellationToken cancellationToken = default);
}
