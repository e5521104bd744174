namespace Monitoring.DeviceClient;

/// <summary>A snapshot of a <see cref="DeviceClient"/>'s counters (all since it was created).</summary>
public sealed record DeviceClientStatistics
{
    public bool Connected { get; init; }

    /// <summary>Batches handed to the client.</summary>
    public long Enqueued { get; init; }

    /// <summary>Invocations sent, first sends, resends and probes together.</summary>
    public long Sent { get; init; }

    public long Accepted { get; init; }

    /// <summary>Batches the cloud already had (answers to resends and probes).</summary>
    public long Duplicates { get; init; }

    public long Rejected { get; init; }

    /// <summary>
    /// Batches answered "duplicate" the first time they were sent: the cloud already had these sequence numbers from
    /// an earlier life of the device, so their samples were dropped. The device restarted its numbering
    /// (see <see cref="DeviceClientOptions.FirstSequence"/>).
    /// </summary>
    public long DuplicatesOnFirstSend { get; init; }

    /// <summary>Times the cloud asked for everything kept again (its device grain restarted, or it lacks a batch it holds later ones of).</summary>
    public long ResendRequests { get; init; }

    /// <summary>Sends of a batch that had been sent before (after a reconnect or a failed invocation).</summary>
    public long Resent { get; init; }

    /// <summary>Oldest kept batch sent again to learn the persisted sequence while idle.</summary>
    public long Probes { get; init; }

    /// <summary>Invocations that ended in an exception (server error, disconnect): not acknowledged, kept, retried.</summary>
    public long SendFailures { get; init; }

    /// <summary>Connections established after the first one.</summary>
    public long Reconnects { get; init; }

    /// <summary>
    /// Batches let go although the cloud does not hold their samples: rejected, or (after the device restarted its
    /// numbering) answered duplicate on their first send or never sent at all. Must stay 0; <see cref="LostSeconds"/> is
    /// their signal time.
    /// </summary>
    public long LostBatches { get; init; }

    public double LostSeconds { get; init; }

    /// <summary>Batches kept because the cloud has not persisted them yet (including those not sent yet).</summary>
    public int Pending { get; init; }

    /// <summary>Signal time of the kept batches, seconds.</summary>
    public double PendingSeconds { get; init; }

    /// <summary>The cloud has persisted every batch up to this sequence (0: none known yet).</summary>
    public long PersistedThroughSequence { get; init; }

    /// <summary>The sequence number the next enqueued batch gets.</summary>
    public long NextSequence { get; init; }

    /// <summary>Mean and maximum time from invocation to acknowledgement, milliseconds (0 before the first).</summary>
    public double MeanAckLatencyMs { get; init; }

    public double MaxAckLatencyMs { get; init; }

    /// <summary>The last connection or invocation error, for diagnosis; null when none.</summary>
    public string? LastError { get; init; }
}
