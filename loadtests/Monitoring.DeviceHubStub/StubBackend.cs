using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Monitoring.Contracts.Devices;

namespace Monitoring.DeviceHubStub;

/// <summary>
/// The device side of the cloud, reduced to what a device can observe: sequence deduplication as the device grain
/// does it, a persisted watermark that advances in segments, and knobs for tests (reject, fail, forget, persist by
/// hand, drop every connection). Outlives server restarts, as the grains' storage would.
/// </summary>
public sealed class StubBackend
{
    private readonly object _gate = new();
    private readonly Dictionary<string, StubDevice> _devices = [];
    private readonly ConcurrentDictionary<string, HubCallerContext> _connections = new();
    private long _connectionsOpened, _unauthorized;

    /// <summary>
    /// Batches per persisted segment: the watermark reaches a batch once that many are held after the last segment
    /// (1: at once; 40: 10 s of 250 ms batches, like the server). 0: only <see cref="PersistThrough"/> moves it.
    /// </summary>
    public int SegmentBatches { get; set; } = 1;

    /// <summary>A device quiet for this long gets its open segment persisted when it next sends (the grain's idle flush).</summary>
    public TimeSpan IdleFlush { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Tokens that may connect (device id → token); null accepts any <c>id:secret</c> token.</summary>
    public IReadOnlyDictionary<string, string>? Tokens { get; set; }

    /// <summary>Returns a rejection (code, message) for a batch, or null to let it through.</summary>
    public Func<DeviceBatch, (string Code, string Message)?>? Reject { get; set; }

    /// <summary>Returns true to fail the invocation with a server error (the batch is not taken).</summary>
    public Func<DeviceBatch, bool>? Fail { get; set; }

    public int OpenConnections => _connections.Count;

    public long ConnectionsOpened => Interlocked.Read(ref _connectionsOpened);

    /// <summary>Connection attempts refused for a missing or wrong token.</summary>
    public long Unauthorized => Interlocked.Read(ref _unauthorized);

    public StubDevice? Device(string deviceId)
    {
        lock (_gate) return _devices.GetValueOrDefault(deviceId);
    }

    public IReadOnlyList<StubDevice> Devices()
    {
        lock (_gate) return [.. _devices.Values];
    }

    /// <summary>Runs <paramref name="read"/> under the backend's lock, for a consistent view of a device.</summary>
    public T Inspect<T>(string deviceId, Func<StubDevice?, T> read)
    {
        lock (_gate) return read(_devices.GetValueOrDefault(deviceId));
    }

    public void PersistThrough(string deviceId, long sequence)
    {
        lock (_gate) DeviceLocked(deviceId).PersistThrough(sequence);
    }

    /// <summary>Forgets one batch a device sent, as a second activation of its grain that took it and was lost would.</summary>
    public void Lose(string deviceId, long sequence)
    {
        lock (_gate) DeviceLocked(deviceId).Lose(sequence);
    }

    /// <summary>Forgets what each device sent after its persisted sequence, as a re-activated grain would.</summary>
    public void ForgetUnpersisted()
    {
        lock (_gate)
        {
            foreach (StubDevice device in _devices.Values) device.ForgetUnpersisted();
        }
    }

    /// <summary>Cuts every device connection (a coverage loss seen from the server).</summary>
    public void AbortConnections()
    {
        foreach (HubCallerContext context in _connections.Values) context.Abort();
    }

    internal bool IsAuthorized(string? token, out string deviceId)
    {
        deviceId = "";
        int colon = token?.IndexOf(':') ?? -1;
        if (token is null || colon <= 0 || colon == token.Length - 1)
        {
            Interlocked.Increment(ref _unauthorized);
            return false;
        }
        deviceId = token[..colon];
        if (Tokens is { } tokens && (!tokens.TryGetValue(deviceId, out string? expected) || expected != token))
        {
            Interlocked.Increment(ref _unauthorized);
            return false;
        }
        return true;
    }

    internal void Connected(HubCallerContext context)
    {
        _connections[context.ConnectionId] = context;
        Interlocked.Increment(ref _connectionsOpened);
    }

    internal void Disconnected(HubCallerContext context) => _connections.TryRemove(context.ConnectionId, out _);

    internal BatchAck Take(DeviceBatch batch)
    {
        (string Code, string Message)? rejection = Reject?.Invoke(batch);
        if (Fail?.Invoke(batch) == true) throw new HubException($"Stub failure for batch {batch.Sequence}.");
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        lock (_gate)
        {
            StubDevice device = DeviceLocked(batch.DeviceId);
            device.CountDelivery(batch.Sequence);
            if (rejection is { } reason)
            {
                device.CountRejected(batch.Sequence);
                return Ack(device, batch, BatchStatus.Rejected, reason.Code, reason.Message);
            }
            if (device.IsLateFromGap(batch.Sequence))
            {
                // As the device grain does: a batch filling a gap late is stored, not analysed.
                device.TakeLate(batch.Sequence);
                return Ack(device, batch, BatchStatus.Accepted);
            }
            if (device.IsDuplicate(batch.Sequence))
            {
                device.CountDuplicate();
                if (now - device.LastAcceptUnixMs >= IdleFlush.TotalMilliseconds && SegmentBatches > 0)
                    device.PersistThrough(device.LastSequence);
                return Ack(device, batch, BatchStatus.Duplicate);
            }
            device.Accept(batch.Sequence, batch.Samples.Length, now);
            if (SegmentBatches > 0 && device.LastSequence - device.PersistedThroughSequence >= SegmentBatches)
                device.PersistThrough(device.LastSequence);
            return Ack(device, batch, BatchStatus.Accepted);
        }
    }

    private StubDevice DeviceLocked(string deviceId)
    {
        if (!_devices.TryGetValue(deviceId, out StubDevice? device)) _devices[deviceId] = device = new StubDevice(deviceId);
        return device;
    }

    private static BatchAck Ack(StubDevice device, DeviceBatch batch, BatchStatus status, string? code = null, string? message = null) => new()
    {
        Sequence = batch.Sequence,
        Status = status,
        PersistedThroughSequence = device.AcknowledgedThroughSequence,
        ResendFromSequence = device.ResendWanted(),
        ErrorCode = code,
        ErrorMessage = message,
    };
}
