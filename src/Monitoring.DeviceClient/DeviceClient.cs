using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts.Devices;

namespace Monitoring.DeviceClient;

/// <summary>
/// A device's link to the cloud's device hub (SignalR, MessagePack protocol). Numbers the batches it is given
/// (1, 2, 3, ... from <see cref="DeviceClientOptions.FirstSequence"/>), sends them in order on one connection with a
/// small window of invocations in flight, and keeps each one until an acknowledgement says the cloud has persisted
/// it. After a reconnect every kept batch is sent again, in order: delivery is at-least-once and the cloud drops
/// duplicates by sequence number. Rejected batches are dropped and reported (<see cref="BatchRejected"/>), never
/// resent. An invocation that ends in an exception (server error, timeout, disconnect) is not an acknowledgement:
/// the batch is kept and sent again. The connection is re-established forever, with backoff; when a host cannot be
/// reached the next of <see cref="DeviceClientOptions.AlternateServerUrls"/> is tried (failover in a cluster).
/// </summary>
/// <remarks>
/// Memory is bounded (<see cref="DeviceClientOptions.MaxPendingBatches"/>, <see cref="DeviceClientOptions.MaxPendingSignal"/>).
/// When the buffer is full the producer is pushed back: <see cref="EnqueueAsync"/> waits for room and
/// <see cref="TryEnqueue"/> returns false. Kept batches are never dropped to make room. Batches live in memory only:
/// what is kept when the client is disposed (or the process dies) is lost; <see cref="DrainAsync"/> waits for it to
/// be persisted first. Enqueue from one producer at a time, in time order.
/// </remarks>
public sealed class DeviceClient : IAsyncDisposable
{
    private readonly DeviceClientOptions _options;
    /// <summary>One connection per server address; one of them is started at a time.</summary>
    private readonly HubConnection[] _connections;
    private readonly object _gate = new();
    private readonly SendBuffer _buffer;
    private readonly AsyncSignal _work = new();
    private readonly AsyncSignal _room = new();
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _supervisor = Task.CompletedTask;
    private Task _sender = Task.CompletedTask;
    private int _disposed;

    // Guarded by _gate.
    private HubConnection _current;
    private long _nextSequence;
    private bool _connected;
    private bool _everConnected;
    private long _session;
    private bool _rewindPending;
    private long _retryAfterMs;
    private long _lastSendMs;
    private int _inFlight;
    private long _enqueued, _sent, _accepted, _duplicates, _duplicatesOnFirstSend, _resendRequests, _rejected, _resent, _probes, _sendFailures, _reconnects;
    private double _ackLatencySumMs, _ackLatencyMaxMs;
    private long _ackCount;
    private string? _lastError;

    public DeviceClient(DeviceClientOptions options)
    {
        options.Validate();
        _options = options;
        _nextSequence = options.FirstSequence;
        _buffer = new SendBuffer(options.MaxPendingBatches, options.MaxPendingSignal.TotalSeconds);
        _connections = [.. new[] { options.ServerUrl }.Concat(options.AlternateServerUrls).Select(url => BuildConnection(url, options))];
        _current = _connections[0];
        foreach (HubConnection connection in _connections)
        {
            connection.Closed += error =>
            {
                OnDisconnected(error);
                _closed.TrySetResult();
                return Task.CompletedTask;
            };
        }
    }

    /// <summary>Raised (on a thread-pool thread) for each batch the cloud rejected.</summary>
    public event Action<BatchRejection>? BatchRejected;

    public string DeviceId => _options.DeviceId;

    public bool IsConnected
    {
        get { lock (_gate) return _connected; }
    }

    /// <summary>
    /// Starts connecting and sending in the background and returns at once: a device without coverage still records,
    /// and its batches wait in the buffer.
    /// </summary>
    public Task StartAsync()
    {
        if (_supervisor != Task.CompletedTask) throw new InvalidOperationException("Already started.");
        _supervisor = Task.Run(() => SuperviseAsync(_stop.Token));
        _sender = Task.Run(() => SendLoopAsync(_stop.Token));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Numbers the block as the next batch and keeps it for sending, waiting while the buffer is full
    /// (back-pressure). Returns the batch's sequence number. Throws <see cref="ArgumentException"/> for a block the
    /// cloud would reject (see <see cref="DeviceBatchLimits.Check"/>); no sequence number is used then.
    /// </summary>
    public async ValueTask<long> EnqueueAsync(SampleBlock block, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task room = _room.Next();
            if (TryEnqueue(block, out long sequence)) return sequence;
            await room.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>As <see cref="EnqueueAsync"/>, but returns false at once when the buffer is full.</summary>
    public bool TryEnqueue(SampleBlock block, out long sequence)
    {
        ArgumentNullException.ThrowIfNull(block);
        lock (_gate)
        {
            sequence = 0;
            if (!_buffer.HasRoomFor(block.DurationSeconds)) return false;
            var batch = new DeviceBatch
            {
                DeviceId = _options.DeviceId,
                Sequence = _nextSequence,
                FirstSampleTimeUnixMs = block.FirstSampleTimeUnixMs,
                SamplingRateHz = block.SamplingRateHz,
                GainUnitsPerMv = block.GainUnitsPerMv,
                Leads = block.Leads,
                Samples = block.Samples,
                LeadsOffMask = block.LeadsOffMask,
                BatteryPercent = block.BatteryPercent,
                PacePulses = block.PacePulses,
            };
            if (DeviceBatchLimits.Check(batch) is { } error)
                throw new ArgumentException($"{error.Code}: {error.Message}", nameof(block));
            _buffer.Add(new PendingBatch(batch.Sequence, DeviceWire.Encode(batch), block.DurationSeconds));
            sequence = _nextSequence++;
            _enqueued++;
        }
        _work.Set();
        return true;
    }

    /// <summary>Waits until the cloud has persisted every batch enqueued so far.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task room = _room.Next();
            lock (_gate)
            {
                if (_buffer.Count == 0) return;
            }
            await room.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Closes the current connection as a lost link would: invocations in flight fail, and the client reconnects
    /// after its backoff and resends what is not persisted. For tests and the simulator's network impairment.
    /// </summary>
    public Task DropConnectionAsync()
    {
        HubConnection current;
        lock (_gate) current = _current;
        return current.StopAsync();
    }

    public DeviceClientStatistics GetStatistics()
    {
        lock (_gate)
        {
            return new DeviceClientStatistics
            {
                Connected = _connected,
                Enqueued = _enqueued,
                Sent = _sent,
                Accepted = _accepted,
                Duplicates = _duplicates,
                DuplicatesOnFirstSend = _duplicatesOnFirstSend,
                ResendRequests = _resendRequests,
                Rejected = _rejected,
                Resent = _resent,
                Probes = _probes,
                SendFailures = _sendFailures,
                Reconnects = _reconnects,
                LostBatches = _buffer.LostBatches,
                LostSeconds = _buffer.LostSeconds,
                Pending = _buffer.Count,
                PendingSeconds = _buffer.Seconds,
                PersistedThroughSequence = _buffer.PersistedThroughSequence,
                NextSequence = _nextSequence,
                MeanAckLatencyMs = _ackCount == 0 ? 0 : _ackLatencySumMs / _ackCount,
                MaxAckLatencyMs = _ackLatencyMaxMs,
                LastError = _lastError,
            };
        }
    }

    /// <summary>Stops sending and closes the connection. Batches still kept are lost (see <see cref="DrainAsync"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_supervisor, _sender).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        foreach (HubConnection connection in _connections) await connection.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private static HubConnection BuildConnection(Uri server, DeviceClientOptions options)
    {
        var url = new Uri(server.ToString().TrimEnd('/') + DeviceHubMethods.Path);
        var builder = new HubConnectionBuilder()
            .WithUrl(url, http =>
            {
                http.AccessTokenProvider = () => Task.FromResult<string?>(options.Token);
                if (options.Transports is { } transports) http.Transports = transports;
            })
            .AddMessagePackProtocol()
            .WithServerTimeout(options.ServerTimeout);
        return builder.Build();
    }

    /// <summary>
    /// Starts the connection and starts it again, after a backoff, whenever it closes (a server that closed it or
    /// went away, a lost link, <see cref="DropConnectionAsync"/>). A connection that closed is tried again on the
    /// same host first; a start that failed moves on to the next server address.
    /// </summary>
    private async Task SuperviseAsync(CancellationToken stop)
    {
        int failures = 0, server = 0;
        while (!stop.IsCancellationRequested)
        {
            HubConnection connection = _connections[server];
            lock (_gate) _current = connection;
            _closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            try
            {
                await connection.StartAsync(stop).ConfigureAwait(false);
                failures = 0;
                OnConnected();
                await _closed.Task.WaitAsync(stop).ConfigureAwait(false);
                failures = 1;
            }
            catch (Exception e)
            {
                if (stop.IsCancellationRequested) return;
                failures++;
                server = (server + 1) % _connections.Length;
                lock (_gate) _lastError = "connect: " + e.Message;
            }
            await Task.Delay(_options.ReconnectBackoff.DelayFor(failures), stop).ConfigureAwait(false);
        }
    }

    private void OnConnected()
    {
        lock (_gate)
        {
            _connected = true;
            if (_everConnected) _reconnects++;
            _everConnected = true;
            StartNewSession();
        }
        _work.Set();
    }

    private void OnDisconnected(Exception? error)
    {
        lock (_gate)
        {
            _connected = false;
            if (error is not null) _lastError = "connection: " + error.Message;
        }
    }

    /// <summary>
    /// The cloud may have lost what it accepted but did not persist (a new connection may reach a new activation of
    /// the device's grain): every kept batch is sent again, once the invocations in flight have ended.
    /// </summary>
    private void StartNewSession()
    {
        _session++;
        _rewindPending = true;
    }

    /// <summary>Sends kept batches in sequence order, at most <see cref="DeviceClientOptions.MaxInFlight"/> at a time.</summary>
    private async Task SendLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Task work = _work.Next();
            TimeSpan wait = TryStartSend(stop);
            if (wait == TimeSpan.Zero) continue;
            try
            {
                await work.WaitAsync(wait, stop).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Starts one invocation if one is due and returns zero; else returns how long to wait at most.</summary>
    private TimeSpan TryStartSend(CancellationToken stop)
    {
        PendingBatch batch;
        bool probe = false;
        long session;
        HubConnection connection;
        lock (_gate)
        {
            long now = Environment.TickCount64;
            if (!_connected) return Timeout.InfiniteTimeSpan;
            if (now < _retryAfterMs) return TimeSpan.FromMilliseconds(_retryAfterMs - now);
            if (_rewindPending)
            {
                if (_inFlight > 0) return Timeout.InfiniteTimeSpan;
                _buffer.RewindTo(_session);
                _rewindPending = false;
            }
            if (_inFlight >= _options.MaxInFlight) return Timeout.InfiniteTimeSpan;

            if (_buffer.TakeNext() is { } next)
            {
                batch = next;
            }
            else
            {
                if (_inFlight > 0 || _buffer.Oldest is not { } oldest) return Timeout.InfiniteTimeSpan;
                long probeDueMs = _lastSendMs + (long)_options.PersistProbeInterval.TotalMilliseconds;
                if (now < probeDueMs) return TimeSpan.FromMilliseconds(probeDueMs - now);
                batch = oldest;
                probe = true;
                _probes++;
            }

            if (batch.Sends > 0 && !probe) _resent++;
            batch.Sends++;
            _sent++;
            _inFlight++;
            _lastSendMs = now;
            session = _session;
            connection = _current;
        }
        _ = SendAsync(connection, batch, session, probe, stop);
        return TimeSpan.Zero;
    }

    private async Task SendAsync(HubConnection connection, PendingBatch batch, long session, bool probe, CancellationToken stop)
    {
        BatchRejection? rejection = null;
        long started = Stopwatch.GetTimestamp();
        try
        {
            BatchAck ack = await connection.InvokeAsync<BatchAck>(DeviceHubMethods.SendBatch, batch.Frame, stop).ConfigureAwait(false);
            if (_options.SimulatedExtraRoundTrip is { } extra) await Task.Delay(extra(), stop).ConfigureAwait(false);
            double latencyMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            lock (_gate) rejection = OnAcknowledged(batch, ack, session, probe, latencyMs);
        }
        catch (Exception e)
        {
            // After disposal began, failures are the client's own doing, not the link's.
            if (!stop.IsCancellationRequested)
            {
                lock (_gate) OnSendFailed(e, session);
            }
        }
        finally
        {
            lock (_gate) _inFlight--;
            _work.Set();
        }
        if (rejection is not null) BatchRejected?.Invoke(rejection);
    }

    private BatchRejection? OnAcknowledged(PendingBatch batch, BatchAck ack, long session, bool probe, double latencyMs)
    {
        if (ack.Sequence != batch.Sequence)
        {
            OnSendFailed(new InvalidOperationException($"Acknowledgement for batch {ack.Sequence}, expected {batch.Sequence}."), session);
            return null;
        }
        _ackCount++;
        _ackLatencySumMs += latencyMs;
        _ackLatencyMaxMs = Math.Max(_ackLatencyMaxMs, latencyMs);

        BatchRejection? rejection = null;
        switch (ack.Status)
        {
            case BatchStatus.Accepted:
                _accepted++;
                // A probe is a batch the cloud already had; taking it again means it lost the later ones too.
                if (probe && session == _session) StartNewSession();
                batch.AcknowledgedInSession = _session;
                break;
            case BatchStatus.Duplicate:
                _duplicates++;
                if (batch.Sends == 1 && !probe)
                {
                    _duplicatesOnFirstSend++;
                    batch.DuplicateOnFirstSend = true;
                }
                batch.AcknowledgedInSession = session;
                break;
            case BatchStatus.Resend:
                // The device's grain restarted and lost what it had not persisted: send everything kept again.
                _resendRequests++;
                if (session == _session) StartNewSession();
                break;
            default:
                _rejected++;
                _buffer.Reject(batch);
                rejection = new BatchRejection(batch.Sequence, ack.ErrorCode, ack.ErrorMessage);
                break;
        }
        _buffer.PersistedThrough(ack.PersistedThroughSequence);
        // The cloud lacks a batch it acknowledged (or never saw) before later ones: send again everything kept from
        // the oldest on, as after a reconnect. Nothing to do when that batch is no longer kept.
        if (ack.ResendFromSequence > 0 && session == _session && _buffer.Oldest?.Sequence <= ack.ResendFromSequence)
        {
            _resendRequests++;
            StartNewSession();
        }
        _room.Set();
        return rejection;
    }

    /// <summary>Not acknowledged: the batch stays kept. On a live connection, resend from it after a pause.</summary>
    private void OnSendFailed(Exception error, long session)
    {
        _sendFailures++;
        _lastError = "send: " + error.Message;
        if (session != _session) return;
        _rewindPending = true;
        _retryAfterMs = Environment.TickCount64 + (long)_options.RetryDelay.TotalMilliseconds;
    }
}
