namespace Monitoring.Grains.Devices;

/// <summary>What a device grain remembers of its stream, saved with an activation's first full-disclosure segment and then
/// once a minute (the watermark in between is read back from storage; see <see cref="DeviceGrain"/>).</summary>
[GenerateSerializer]
public sealed class DeviceLinkState
{
    /// <summary>The last batch accepted (0: none yet).</summary>
    [Id(0)] public long LastSequence { get; set; }

    /// <summary>Device time just after the last accepted sample (0: none yet).</summary>
    [Id(1)] public long LastSampleEndUnixMs { get; set; }

    /// <summary>
    /// This activation's writes reach this batch: every accepted batch up to it is in full-disclosure storage. Batches
    /// still missing below it are not (see <see cref="DeviceLink.AcknowledgedThroughSequence"/>).
    /// </summary>
    [Id(2)] public long PersistedThroughSequence { get; set; }

    /// <summary>Recent sequence ranges the device never delivered (oldest dropped beyond a few).</summary>
    [Id(3)] public List<SequenceRange> Missing { get; set; } = [];

    [Id(4)] public long BatchesAccepted { get; set; }
    [Id(5)] public long DuplicatesDropped { get; set; }
    [Id(6)] public long BatchesRejected { get; set; }
    [Id(7)] public long BatchesMissing { get; set; }
    [Id(8)] public long Gaps { get; set; }
    [Id(9)] public double MeanLatencyMs { get; set; }
    [Id(10)] public double JitterMs { get; set; }
    [Id(11)] public double LastLatencyMs { get; set; }

    /// <summary>Device time just after the last persisted sample.</summary>
    [Id(12)] public long PersistedThroughEndUnixMs { get; set; }

    /// <summary>Batches that filled a gap after later ones had arrived (stored, not analysed).</summary>
    [Id(13)] public long LateBatches { get; set; }

    /// <summary>Server times of the device's reconnections in the last hour (a flapping link is an early fault sign).</summary>
    [Id(14)] public List<long> RecentReconnectsUnixMs { get; set; } = [];

    /// <summary>Smoothed arrival rate of accepted batches.</summary>
    [Id(15)] public double BatchesPerSecond { get; set; }

    [Id(16)] public long LastArrivalUnixMs { get; set; }

    [Id(17)] public bool EverConnected { get; set; }

    /// <summary>
    /// Missing batches up to this one no longer hold the acknowledged watermark back: the device was asked for them
    /// again and did not send them (it no longer has them). See <see cref="DeviceLink.AcknowledgedThroughSequence"/>.
    /// </summary>
    [Id(18)] public long GivenUpThroughSequence { get; set; }
}

[GenerateSerializer, Immutable]
public readonly record struct SequenceRange([property: Id(0)] long First, [property: Id(1)] long Last)
{
    public bool Contains(long sequence) => sequence >= First && sequence <= Last;
}
