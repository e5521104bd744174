namespace Monitoring.DeviceClient;

/// <summary>A batch kept until the cloud has persisted it, already encoded for the wire.</summary>
internal sealed class PendingBatch(long sequence, byte[] frame, double durationSeconds)
{
    public long Sequence { get; } = sequence;

    /// <summary>The batch as <see cref="Monitoring.Contracts.Devices.DeviceWire"/> encodes it (encoded once, resent as is).</summary>
    public byte[] Frame { get; } = frame;

    public double DurationSeconds { get; } = durationSeconds;

    /// <summary>How many times the batch has been sent.</summary>
    public int Sends { get; set; }

    /// <summary>
    /// The cloud answered "duplicate" to the batch's first send: what it holds under this sequence number came from an
    /// earlier life of the device, not from this batch.
    /// </summary>
    public bool DuplicateOnFirstSend { get; set; }

    /// <summary>Whether the cloud, having persisted through this batch's sequence, can hold its samples: not when the
    /// batch was never sent, or when its first send was already a duplicate.</summary>
    public bool ReachedCloud => Sends > 0 && !DuplicateOnFirstSend;

    /// <summary>
    /// The link session in which the cloud acknowledged the batch (accepted or duplicate), 0 when not yet. Within that
    /// session it is not sent again; a new session (a new connection) resends every kept batch.
    /// </summary>
    public long AcknowledgedInSession { get; set; }

    internal LinkedListNode<PendingBatch>? Node { get; set; }
}
