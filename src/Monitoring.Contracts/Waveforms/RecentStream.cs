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

    /// <summary>
    /// The first sample of a batch the device grain gave up handing to the patient's analysis, or of the batch from
    /// which the patient's alarm changes were not stored (see <see cref="Patients.IngestReceipt"/>), whichever is
    /// earlier (device clock); null when there is none: it and what follows may be stored, but no stored alarm log
    /// holds what an analysis found there.
    /// </summary>
    [Id(2)] public long? NotAnalysedFromUnixMs { get; init; }
}
