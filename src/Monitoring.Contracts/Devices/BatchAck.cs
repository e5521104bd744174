using MessagePack;

namespace Monitoring.Contracts.Devices;

/// <summary>
/// The cloud's answer to one batch. A device keeps every batch until <see cref="PersistedThroughSequence"/> reaches
/// it: batches are accepted in memory and written to full-disclosure storage in segments, so a batch acknowledged
/// as accepted but not yet persisted is resent after a reconnect (the grain drops what it already has).
/// </summary>
[MessagePackObject, GenerateSerializer, Immutable]
public sealed record BatchAck
{
    [Key(0), Id(0)] public long Sequence { get; init; }
    [Key(1), Id(1)] public BatchStatus Status { get; init; }

    /// <summary>
    /// Every batch up to and including this sequence is in durable storage. Never past a batch the cloud lacks while
    /// the device may still keep it (see <see cref="ResendFromSequence"/>).
    /// </summary>
    [Key(2), Id(2)] public long PersistedThroughSequence { get; init; }

    /// <summary>Machine-readable reason for a rejection (see <see cref="BatchErrors"/>), else null.</summary>
    [Key(3), Id(3)] public string? ErrorCode { get; init; }

    /// <summary>Human-readable reason for a rejection, else null.</summary>
    [Key(4), Id(4)] public string? ErrorMessage { get; init; }

    /// <summary>
    /// Non-zero: the cloud lacks this batch although it holds later ones (it went astray, or to another server while
    /// the cluster changed), and asks the device to send again what it keeps from there. A device that no longer has
    /// it can ignore this: the cloud stops waiting for it after a few asks.
    /// </summary>
    [Key(5), Id(5)] public long ResendFromSequence { get; init; }
}
