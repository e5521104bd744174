namespace Monitoring.Contracts.Devices;

/// <summary>A device's registration, connection and link statistics, for operators and the network-quality panel.</summary>
[GenerateSerializer, Immutable]
public sealed record DeviceStatus
{
    [Id(0)] public string DeviceId { get; init; } = "";
    [Id(1)] public bool Registered { get; init; }
    [Id(2)] public DeviceKind Kind { get; init; }
    [Id(3)] public bool CredentialActive { get; init; }
    [Id(4)] public string? PatientId { get; init; }
    [Id(5)] public bool Connected { get; init; }
    [Id(6)] public long LastSequence { get; init; }

    /// <summary>
    /// The last batch written to storage; batches missing before it are not there (the device is told a watermark
    /// that does not pass them: see <see cref="BatchAck.PersistedThroughSequence"/>).
    /// </summary>
    [Id(7)] public long PersistedThroughSequence { get; init; }
    [Id(8)] public long BatchesAccepted { get; init; }
    [Id(9)] public long DuplicatesDropped { get; init; }
    [Id(10)] public long BatchesRejected { get; init; }

    /// <summary>Batches the device never delivered (sequence gaps).</summary>
    [Id(11)] public long BatchesMissing { get; init; }

    /// <summary>Sequence or time gaps seen (each raises a signal-loss condition).</summary>
    [Id(12)] public long Gaps { get; init; }

    /// <summary>Mean delay from a batch's last sample (device clock) to its arrival (server clock), ms.</summary>
    [Id(13)] public double MeanLatencyMs { get; init; }

    /// <summary>Mean absolute change of that delay between consecutive batches, ms (RFC 3550 style jitter).</summary>
    [Id(14)] public double JitterMs { get; init; }

    [Id(15)] public int BatteryPercent { get; init; } = -1;
    [Id(16)] public DateTimeOffset? LastBatchAt { get; init; }

    /// <summary>Batches that arrived after later ones and filled a gap (stored, not analysed).</summary>
    [Id(17)] public long LateBatches { get; init; }

    [Id(18)] public int ReconnectsLastHour { get; init; }

    /// <summary>Smoothed arrival rate of accepted batches.</summary>
    [Id(19)] public double BatchesPerSecond { get; init; }

    /// <summary>Batches never delivered, as a share of all the device numbered.</summary>
    [Id(20)] public double LossPercent { get; init; }

    /// <summary>The network warning the link's statistics raise (offline, latency, jitter, loss, reconnections), or null.</summary>
    [Id(21)] public string? NetworkWarning { get; init; }

    /// <summary>The cluster host (Orleans silo) running the device's grain, for operators following a failover.</summary>
    [Id(22)] public string Host { get; init; } = "";
}
