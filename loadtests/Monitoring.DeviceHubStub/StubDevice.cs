namespace Monitoring.DeviceHubStub;

/// <summary>What the stub hub knows of one device: its stream as the device grain would hold it, and every delivery.</summary>
public sealed class StubDevice(string deviceId)
{
    private readonly List<long> _held = [];
    private readonly Dictionary<long, int> _deliveries = [];
    private readonly HashSet<long> _missing = [];
    private readonly HashSet<long> _rejected = [];
    private long _resendAsked;

    public string DeviceId { get; } = deviceId;

    /// <summary>The highest sequence taken; lower ones are duplicates.</summary>
    public long LastSequence { get; private set; }

    public long PersistedThroughSequence { get; private set; }

    public long Accepted { get; private set; }
    public long Duplicates { get; private set; }
    public long Rejected { get; private set; }

    /// <summary>Jumps in the sequence (batches the device never delivered before sending later ones).</summary>
    public long Gaps { get; private set; }

    public long SamplesAccepted { get; private set; }

    internal long LastAcceptUnixMs { get; private set; }

    /// <summary>Sequences held (accepted and not forgotten), in the order they were taken.</summary>
    public IReadOnlyList<long> Held => _held;

    /// <summary>How many times a sequence arrived, duplicates and rejections included.</summary>
    public int DeliveriesOf(long sequence) => _deliveries.GetValueOrDefault(sequence);

    internal void CountDelivery(long sequence) => _deliveries[sequence] = DeliveriesOf(sequence) + 1;

    internal bool IsDuplicate(long sequence) => sequence <= LastSequence && !_missing.Contains(sequence);

    internal bool IsLateFromGap(long sequence) => sequence <= LastSequence && _missing.Contains(sequence);

    internal void TakeLate(long sequence)
    {
        _missing.Remove(sequence);
        _held.Add(sequence);
    }

    /// <summary>As the device grain tells it: persisted, but never past a missing batch (the device may still keep it).</summary>
    internal long AcknowledgedThroughSequence
    {
        get
        {
            long through = PersistedThroughSequence;
            foreach (long missing in _missing) through = Math.Min(through, missing - 1);
            return through;
        }
    }

    /// <summary>The missing batch that holds the acknowledged watermark back, asked for once (0: none, or asked already).</summary>
    internal long ResendWanted()
    {
        long held = AcknowledgedThroughSequence < PersistedThroughSequence ? AcknowledgedThroughSequence + 1 : 0;
        if (held == _resendAsked) return 0;
        _resendAsked = held;
        return held;
    }

    /// <summary>Forgets one accepted batch, as a second activation of the device grain that took it and was lost would.</summary>
    internal void Lose(long sequence)
    {
        if (_held.Remove(sequence)) _missing.Add(sequence);
    }

    internal void Accept(long sequence, int samples, long nowUnixMs)
    {
        if (LastSequence > 0 && sequence > LastSequence + 1)
        {
            Gaps++;
            for (long missing = LastSequence + 1; missing < sequence; missing++)
            {
                if (!_rejected.Contains(missing)) _missing.Add(missing);   // the device dropped a rejected one
            }
        }
        LastSequence = sequence;
        _held.Add(sequence);
        Accepted++;
        SamplesAccepted += samples;
        LastAcceptUnixMs = nowUnixMs;
    }

    internal void CountDuplicate() => Duplicates++;

    internal void CountRejected(long sequence)
    {
        Rejected++;
        _rejected.Add(sequence);
    }

    internal void PersistThrough(long sequence) => PersistedThroughSequence = Math.Max(PersistedThroughSequence, Math.Min(sequence, LastSequence));

    /// <summary>As a new activation of the device grain: what was not persisted is gone.</summary>
    internal void ForgetUnpersisted()
    {
        LastSequence = PersistedThroughSequence;
        _held.RemoveAll(sequence => sequence > PersistedThroughSequence);
        _missing.RemoveWhere(sequence => sequence > PersistedThroughSequence);
    }
}
