namespace Monitoring.Contracts.Devices;

/// <summary>What the cloud did with a batch. Only <see cref="Rejected"/> batches should not be resent.</summary>
public enum BatchStatus
{
    /// <summary>Taken by the device's grain; durable once the acknowledgement's persisted sequence reaches it.</summary>
    Accepted,

    /// <summary>Already received (at-least-once delivery resends); dropped, nothing lost.</summary>
    Duplicate,

    /// <summary>Invalid; see the error code. Resending the same batch will not help.</summary>
    Rejected,

    /// <summary>
    /// Not taken: the device's grain has just been (re)activated and lost what it had not persisted. Resend every
    /// kept batch after the acknowledgement's persisted sequence, in order, this one included.
    /// </summary>
    Resend,
}
