namespace Monitoring.DeviceClient;

/// <summary>
/// The batches a device keeps, in sequence order, until the cloud has persisted them, and the position of the next
/// one to send. Bounded by a batch count and a signal time. Not thread-safe: <see cref="DeviceClient"/> locks.
/// </summary>
internal sealed class SendBuffer(int maxBatches, double maxSeconds)
{
    private readonly LinkedList<PendingBatch> _batches = new();
    private LinkedListNode<PendingBatch>? _next;

    public int Count => _batches.Count;

    /// <summary>Signal time of the kept batches, seconds.</summary>
    public double Seconds { get; private set; }

    /// <summary>The cloud has persisted every batch up to this sequence.</summary>
    public long PersistedThroughSequence { get; private set; }

    /// <summary>Batches let go although the cloud does not hold their samples (rejected, or renumbered away: see
    /// <see cref="PendingBatch.ReachedCloud"/>), and their signal time in seconds: samples lost.</summary>
    public long LostBatches { get; private set; }

    public double LostSeconds { get; private set; }

    public PendingBatch? Oldest => _batches.First?.Value;

    /// <summary>True when the batch fits; an empty buffer takes any batch, however long.</summary>
    public bool HasRoomFor(double seconds) =>
        _batches.Count == 0 || (_batches.Count < maxBatches && Seconds + seconds <= maxSeconds);

    public void Add(PendingBatch batch)
    {
        if (_batches.Last is { } last && batch.Sequence <= last.Value.Sequence)
            throw new InvalidOperationException($"Batch {batch.Sequence} added after {last.Value.Sequence}.");
        batch.Node = _batches.AddLast(batch);
        Seconds += batch.DurationSeconds;
        _next ??= batch.Node;
    }

    /// <summary>The next batch to send in sequence order, or null when every kept batch has been sent.</summary>
    public PendingBatch? TakeNext()
    {
        LinkedListNode<PendingBatch>? node = _next;
        _next = node?.Next;
        return node?.Value;
    }

    /// <summary>Sends start again from the oldest batch not acknowledged in <paramref name="session"/>.</summary>
    public void RewindTo(long session)
    {
        _next = _batches.First;
        while (_next is not null && _next.Value.AcknowledgedInSession == session) _next = _next.Next;
    }

    /// <summary>Lets go of every batch up to <paramref name="sequence"/>; returns how many were let go.</summary>
    public int PersistedThrough(long sequence)
    {
        if (sequence <= PersistedThroughSequence) return 0;
        PersistedThroughSequence = sequence;
        int removed = 0;
        while (_batches.First is { } first && first.Value.Sequence <= sequence)
        {
            if (!first.Value.ReachedCloud) CountLost(first.Value);
            Remove(first.Value);
            removed++;
        }
        return removed;
    }

    /// <summary>Drops one batch the cloud rejected: its samples are lost. No effect when it is no longer kept.</summary>
    public void Reject(PendingBatch batch)
    {
        if (batch.Node is null) return;
        CountLost(batch);
        Remove(batch);
    }

    private void CountLost(PendingBatch batch)
    {
        LostBatches++;
        LostSeconds += batch.DurationSeconds;
    }

    private void Remove(PendingBatch batch)
    {
        if (batch.Node is not { } node) return;
        if (_next == node) _next = node.Next;
        _batches.Remove(node);
        batch.Node = null;
        Seconds = _batches.Count == 0 ? 0 : Seconds - batch.DurationSeconds;
    }
}
