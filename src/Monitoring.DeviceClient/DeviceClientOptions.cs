using Microsoft.AspNetCore.Http.Connections;

namespace Monitoring.DeviceClient;

/// <summary>Settings of one <see cref="DeviceClient"/>.</summary>
public sealed record DeviceClientOptions
{
    /// <summary>The cloud's base address (for example <c>https://ecg.example.org</c>); the device hub path is appended.</summary>
    public required Uri ServerUrl { get; init; }

    /// <summary>
    /// Other hosts of the same cloud (a cluster without a load balancer in front, or several entry points). When
    /// the current host cannot be reached the client tries the next address, in turn, after <see cref="ServerUrl"/>;
    /// kept batches are resent to whichever host takes the connection. Empty: only <see cref="ServerUrl"/>.
    /// </summary>
    public IReadOnlyList<Uri> AlternateServerUrls { get; init; } = [];

    /// <summary>The device id the operator registered; stamped on every batch.</summary>
    public required string DeviceId { get; init; }

    /// <summary>The device's bearer token, <c>deviceId:secret</c>, as issued at registration.</summary>
    public required string Token { get; init; }

    /// <summary>
    /// Sequence number of the first batch this client sends. 1 for a new device; a device that restarts continues
    /// after the last sequence it used (the cloud treats lower numbers as duplicates).
    /// </summary>
    public long FirstSequence { get; init; } = 1;

    /// <summary>
    /// Batches kept until the cloud has persisted them, at most. When the buffer is full, enqueueing waits
    /// (<see cref="DeviceClient.EnqueueAsync"/>) or fails (<see cref="DeviceClient.TryEnqueue"/>): the oldest
    /// unpersisted batch is never dropped to make room. Default: 20 minutes of 250 ms batches.
    /// </summary>
    public int MaxPendingBatches { get; init; } = 4800;

    /// <summary>Signal time kept until persisted, at most (the other bound of the buffer). Default 20 minutes.</summary>
    public TimeSpan MaxPendingSignal { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>
    /// Invocations sent before the first is acknowledged. More than one hides network latency; the server handles a
    /// connection's invocations one at a time in arrival order, so batches are still taken in sequence order.
    /// </summary>
    public int MaxInFlight { get; init; } = 4;

    /// <summary>Backoff between connection attempts, forever.</summary>
    public ReconnectBackoff ReconnectBackoff { get; init; } = ReconnectBackoff.Default;

    /// <summary>Pause before resending after the server failed an invocation while the connection stayed up.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// When nothing has been sent for this long while batches are still kept, the oldest kept batch is sent again:
    /// the cloud answers "duplicate" with how far it has persisted, so a device that stopped streaming learns
    /// when it may let go of its last batches.
    /// </summary>
    public TimeSpan PersistProbeInterval { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>No message from the server for this long means the link is dead (SignalR's server timeout).</summary>
    public TimeSpan ServerTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Transports SignalR may use; null for its default negotiation (WebSockets first).</summary>
    public HttpTransportType? Transports { get; init; }

    /// <summary>
    /// Network impairment for load tests only: an extra delay added to each invocation's round trip before its
    /// acknowledgement is taken into account (the invocation keeps its in-flight slot meanwhile, as on a slow link).
    /// Null: none.
    /// </summary>
    public Func<TimeSpan>? SimulatedExtraRoundTrip { get; init; }

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(DeviceId);
        ArgumentNullException.ThrowIfNull(AlternateServerUrls);
        if (!Token.StartsWith(DeviceId + ":", StringComparison.Ordinal))
            throw new ArgumentException($"The token must be \"{DeviceId}:secret\".", nameof(Token));
        ArgumentOutOfRangeException.ThrowIfLessThan(FirstSequence, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPendingBatches, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MaxPendingSignal, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxInFlight, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PersistProbeInterval, TimeSpan.Zero);
    }
}
