using Microsoft.Extensions.Logging;
using Orleans.Storage;
using Monitoring.Contracts.Devices;
using Monitoring.Contracts.Patients;
using Monitoring.Contracts.Waveforms;
using Monitoring.Grains.Security;
using Monitoring.Grains.Network;
using Monitoring.Grains.Telemetry;
using Monitoring.Grains.Waveforms;

namespace Monitoring.Grains.Devices;

/// <summary>
/// One ECG device. Takes its batches in order, drops duplicates, notes gaps, forwards the samples to the attached
/// patient and writes them to full-disclosure storage in segments of about 10 s. The acknowledgement tells the
/// device how far storage has come, so it can let go of its copies (at-least-once delivery, nothing lost).
/// The grain's own state (registration, watermark, link statistics) is saved when registration or attachment change,
/// on deactivation, and while streaming with an activation's first segment and then at most every
/// <see cref="StateSavePeriod"/>, not with every segment: storage records which batches it holds anyway (its
/// exactly-once fence rows), and a new activation reads the watermark back from there. A host lost between saves costs
/// up to that much of the link statistics, never a sample or a false gap.
/// </summary>
public sealed class DeviceGrain(
    [PersistentState("device", StorageNames.State)] IPersistentState<DeviceState> state,
    IFullDisclosureStore fullDisclosure,
    TimeProvider clock,
    ILogger<DeviceGrain> logger) : Grain, IDeviceGrain
{
    /// <summary>A stream that goes quiet is written out after this long, so its last batches become durable.</summary>
    private static readonly TimeSpan IdleFlush = TimeSpan.FromSeconds(2);

    /// <summary>Unwritten samples kept while storage fails, before the device is asked to hold on to its batches.</summary>
    private static readonly TimeSpan MaxUnwritten = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How often the state is saved while the device streams. Each save was one storage request per segment, a sixth
    /// of all requests of a streaming fleet; storage's fence rows carry the watermark in between.
    /// </summary>
    private static readonly TimeSpan StateSavePeriod = TimeSpan.FromMinutes(1);

    /// <summary>
    /// When this activation last saved the state after writing segments (server time; 0: not yet, so that its first
    /// segment saves it: the saved watermark is then never more than a period behind storage, which is where
    /// <see cref="CatchUpWithStorageAsync"/> looks).
    /// </summary>
    private long _watermarkSavedUnixMs;

    private DeviceLink _link = null!;
    private string? _networkWarning;
    private SegmentBuffer _segments = null!;
    private bool _connected;

    /// <summary>Accepted batches not yet taken by the patient's analysis, oldest first (normally just the current one).</summary>
    private readonly Queue<PatientDelivery> _undelivered = new();

    /// <summary>Tries to hand one batch to the patient: a lost host costs one, the next goes to its new activation.</summary>
    private const int MaxDeliveryTries = 3;

    // Whether the last full-disclosure write failed; null until this activation has written or tried to.
    private bool? _recordingFails;

    /// <summary>
    /// Whether full-disclosure writes fail, as last told to the patient (who shows ECG RECORDING FAILED meanwhile);
    /// null until this activation has told it once, so that a failure an earlier activation reported is ended too.
    /// Set only once the patient has taken the news: a call that fails is made again on the next timer tick.
    /// </summary>
    private bool? _recordingFailedTold;

    // True until the first batch of this activation is taken: batches the previous activation accepted but did not
    // persist are gone, so a batch that skips ahead must not be read as a gap (see BatchStatus.Resend).
    private bool _fresh = true;

    // True from an attachment made by this activation until its first batch, which marks where the stream starts.
    private bool _streamStartPending;

    private string DeviceId => this.GetPrimaryKeyString();
    private DeviceState State => state.State;
    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _link = new DeviceLink(State.Link);
        if (State.Registered) await CatchUpWithStorageAsync(cancellationToken);
        logger.LogInformation("Device {DeviceId} activated: batches persisted through {Persisted}, accepted through {Last}.", DeviceId, State.Link.PersistedThroughSequence, State.Link.LastSequence);
        _link.RewindToPersisted();
        _segments = new SegmentBuffer(DeviceId);
        this.RegisterGrainTimer(FlushIfIdleAsync, new GrainTimerCreationOptions(IdleFlush, IdleFlush));
    }

    /// <summary>
    /// Takes the watermark from storage when it is newer than the saved one (the last activation ended without saving:
    /// a host was lost). Otherwise the device, which let go of the batches storage acknowledged, would be asked for
    /// batches it no longer has, and the stream would show a gap that never was. A new numbering (the device
    /// restarted) shows as newer samples under lower numbers, and is taken as well. Not when batches between the saved
    /// watermark and storage's newest are missing from storage: while the cluster changes, two activations of this
    /// grain can store a later batch before an earlier one that one of them still holds, and the device, told that
    /// everything up to the newest is persisted, would let go of the earlier one for good (a rolling restart lost a
    /// batch so). From the saved watermark the device sends them again, and storage skips those it holds.
    /// </summary>
    private async Task CatchUpWithStorageAsync(CancellationToken cancellationToken)
    {
        long saved = State.Link.PersistedThroughEndUnixMs, now = Now;
        long since = saved > 0 ? saved : now - (long)TimeSpan.FromHours(1).TotalMilliseconds;
        if (await fullDisclosure.ReadStoredThroughAsync(StreamId, DeviceId, Math.Min(since, now), now, cancellationToken) is not { } stored
            || stored.EndUnixMs <= saved) return;
        if (stored.RunFromSequence > State.Link.PersistedThroughSequence + 1)
        {
            logger.LogWarning("Device {DeviceId}: storage holds batches {From}-{Stored} but not all since the saved state's {Saved}; resuming from the saved state, so that the device sends the missing ones again.",
                DeviceId, stored.RunFromSequence, stored.Sequence, State.Link.PersistedThroughSequence);
            return;
        }
        logger.LogInformation("Device {DeviceId}: storage holds batches through {Stored}, the saved state through {Saved}; resuming from storage.", DeviceId, stored.Sequence, State.Link.PersistedThroughSequence);
        _link.Persisted(stored.Sequence, stored.EndUnixMs);
        _link.StorageHolds(new SequenceRange(stored.RunFromSequence, stored.Sequence));
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _segments.Close();
        try
        {
            await WriteClosedAsync(saveState: true);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Device {DeviceId}: segments not written on deactivation; the device resends them.", DeviceId);
        }
    }

    public async Task<IssuedCredential> RegisterAsync(DeviceKind kind)
    {
        var (secret, hash) = Credentials.Issue();
        State.Registered = true;
        State.Kind = kind;
        State.CredentialHash = hash;
        await state.WriteStateAsync();
        return new IssuedCredential(DeviceId, secret);
    }

    public async Task RevokeCredentialAsync()
    {
        State.CredentialHash = null;
        await state.WriteStateAsync();
    }

    public Task<bool> VerifyCredentialAsync(string secret) =>
        Task.FromResult(State.Registered && Credentials.Matches(secret, State.CredentialHash));

    public async Task<BatchAck> AcceptBatchAsync(DeviceBatch batch)
    {
        if (!State.Registered)
            return Reject(batch, BatchErrors.UnknownDevice, $"Device {DeviceId} is not registered.");
        if (State.CredentialHash is null)
            return Reject(batch, BatchErrors.CredentialRevoked, $"The credential of device {DeviceId} was revoked.");
        if (batch.DeviceId != DeviceId)
            return Reject(batch, BatchErrors.WrongDevice, $"Batch of device {batch.DeviceId} sent to device {DeviceId}.");
        if (DeviceBatchLimits.Check(batch) is { } error)
            return Reject(batch, error.Code, error.Message);

        long now = Now;
        if (_link.IsNumberingRestart(batch))
        {
            // The old numbering's batches go to storage before the acknowledgements speak of the new numbering.
            _segments.Close();
            await WriteClosedAsync(saveState: true);
            if (_segments.HasClosed) throw new InvalidOperationException($"Device {DeviceId} restarted its numbering while storage is failing; send again later.");
        }
        // A fresh activation knows only what was persisted. A batch that skips ahead of it may follow batches that an
        // earlier activation accepted and lost (a killed host), or whose calls failed on the way while this one was
        // being placed: the device is asked to send everything it keeps again, oldest first. Accepting the batch
        // would make it the start of the stream, and the earlier ones would then be dropped as duplicates. This holds
        // for a device the grain has never seen too (nothing persisted): its first batch must be its oldest kept.
        if (_fresh && batch.Sequence > State.Link.LastSequence + 1)
        {
            _fresh = false;
            _link.AskedToResend(batch.Sequence);
            return Ack(batch, BatchStatus.Resend);
        }
        BatchVerdict verdict = _link.Judge(batch, now);
        if (verdict.Status == BatchStatus.Accepted) _fresh = false;
        if (verdict.Status == BatchStatus.Duplicate)
        {
            MonitoringMetrics.CountDuplicate();
            return Ack(batch, BatchStatus.Duplicate);
        }
        if (verdict.Status == BatchStatus.Rejected)
        {
            MonitoringMetrics.CountRejected(verdict.ErrorCode!);
            return Ack(batch, BatchStatus.Rejected, verdict.ErrorCode, verdict.ErrorMessage);
        }

        if (verdict.Late)
        {
            // Written at once, on its own: the persisted watermark has probably passed it already.
            await WriteSegmentAsync(StreamId, SegmentBuffer.Single(DeviceId, batch));
            MonitoringMetrics.CountLate();
            return Ack(batch, BatchStatus.Accepted);
        }
        _segments.Append(StreamId, batch, now);
        if (_streamStartPending)
        {
            State.StreamStartUnixMs = batch.FirstSampleTimeUnixMs;
            _streamStartPending = false;
        }
        State.BatteryPercent = batch.BatteryPercent;
        MonitoringMetrics.CountAccepted(batch.Samples.Length);
        if (State.PatientId is not null)
        {
            _undelivered.Enqueue(new PatientDelivery(batch, now, verdict.GapBeforeMs));
            await DeliverToPatientAsync();
        }
        if (_segments.HasClosed) await WriteClosedAsync();
        CheckNetwork();
        return Ack(batch, BatchStatus.Accepted);
    }

    public async Task<RecentStream> ReadRecentAsync(long fromUnixMs, long toUnixMs)
    {
        // What is held here first (taken at once, before any await), then storage for the time before it: a segment
        // being written meanwhile is still held, so the two never overlap. Not before the stream began: the first
        // batches after an attachment would otherwise each cost a storage read for nothing (a whole fleet at start-up).
        string streamId = StreamId;
        List<WaveformSegment> held = _segments.Held(streamId, fromUnixMs, toUnixMs);
        long heldFrom = held.Count > 0 ? held[0].StartUnixMs : toUnixMs;
        long storedFrom = Math.Max(fromUnixMs, State.StreamStartUnixMs ?? fromUnixMs);
        IReadOnlyList<WaveformSegment> stored = heldFrom > storedFrom ? await fullDisclosure.ReadAsync(streamId, storedFrom, heldFrom) : [];
        return new RecentStream { Segments = [.. stored, .. held], HeldFromUnixMs = heldFrom, NotAnalysedFromUnixMs = NotSettledFromUnixMs };
    }

    /// <summary>
    /// From where a resuming analysis must report everything it finds: samples no analysis took (a hand-over given up),
    /// or whose alarms the patient could not store.
    /// </summary>
    private long? NotSettledFromUnixMs =>
        State.NotAnalysedFromUnixMs is { } notAnalysed && State.AlarmsUnstoredFromUnixMs is { } unstored
            ? Math.Min(notAnalysed, unstored)
            : State.NotAnalysedFromUnixMs ?? State.AlarmsUnstoredFromUnixMs;

    public Task SetConnectedAsync(bool connected)
    {
        _connected = connected;
        if (connected) _link.Connected(Now);
        CheckNetwork();
        return Task.CompletedTask;
    }

    /// <summary>Counts each time the link enters a warning state (metric <c>monitoring.network.warnings</c>).</summary>
    private void CheckNetwork()
    {
        DeviceLinkState link = State.Link;
        string? warning = NetworkQualityRules.Warning(_connected, link.MeanLatencyMs, link.JitterMs, _link.LossPercent, _link.ReconnectsLastHour(Now));
        if (warning is not null && warning != _networkWarning) MonitoringMetrics.CountNetworkWarning(warning);
        _networkWarning = warning;
    }

    public async Task AttachAsync(string? patientId)
    {
        if (State.PatientId == patientId) return;
        // Samples belong to the patient wearing the device when they were taken.
        _segments.Close();
        await WriteClosedAsync();
        _undelivered.Clear(); // they were the previous patient's, who no longer has this device
        State.NotAnalysedFromUnixMs = State.AlarmsUnstoredFromUnixMs = null;
        State.PatientId = patientId;
        State.StreamStartUnixMs = null;
        _streamStartPending = true;
        await state.WriteStateAsync();
    }

    public Task<DeviceStatus> GetStatusAsync()
    {
        DeviceLinkState link = State.Link;
        return Task.FromResult(new DeviceStatus
        {
            DeviceId = DeviceId,
            Registered = State.Registered,
            Kind = State.Kind,
            CredentialActive = State.CredentialHash is not null,
            PatientId = State.PatientId,
            Connected = _connected,
            LastSequence = link.LastSequence,
            PersistedThroughSequence = link.PersistedThroughSequence,
            BatchesAccepted = link.BatchesAccepted,
            DuplicatesDropped = link.DuplicatesDropped,
            BatchesRejected = link.BatchesRejected,
            BatchesMissing = link.BatchesMissing,
            Gaps = link.Gaps,
            MeanLatencyMs = link.MeanLatencyMs,
            JitterMs = link.JitterMs,
            LateBatches = link.LateBatches,
            ReconnectsLastHour = _link.ReconnectsLastHour(Now),
            BatchesPerSecond = link.BatchesPerSecond,
            LossPercent = _link.LossPercent,
            NetworkWarning = _networkWarning,
            BatteryPercent = State.BatteryPercent,
            LastBatchAt = _segments.LastAppendUnixMs > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(_segments.LastAppendUnixMs) : null,
            Host = RuntimeIdentity,
        });
    }

    private BatchAck Reject(DeviceBatch batch, string code, string message)
    {
        _link.CountRejected(batch.DeviceId == DeviceId ? batch.Sequence : 0);
        MonitoringMetrics.CountRejected(code);
        return Ack(batch, BatchStatus.Rejected, code, message);
    }

    private BatchAck Ack(DeviceBatch batch, BatchStatus status, string? code = null, string? message = null)
    {
        long resendFrom = _link.ResendWanted(Now, out SequenceRange givenUp);
        if (resendFrom > 0)
            logger.LogInformation("Device {DeviceId}: batch {Missing} is missing below batches already written (it went astray); the device is asked to send it again.", DeviceId, resendFrom);
        if (givenUp != default)
        {
            MonitoringMetrics.CountBatchesGivenUp(givenUp.Last - givenUp.First + 1);
            logger.LogWarning("Device {DeviceId}: batches {First}-{Last} are missing and the device did not send them again when asked; the acknowledged watermark passes them (their samples are lost unless another server stored them).",
                DeviceId, givenUp.First, givenUp.Last);
        }
        return new BatchAck
        {
            Sequence = batch.Sequence,
            Status = status,
            PersistedThroughSequence = _link.AcknowledgedThroughSequence,
            ResendFromSequence = resendFrom,
            ErrorCode = code,
            ErrorMessage = message,
        };
    }

    private async Task FlushIfIdleAsync(CancellationToken cancellationToken)
    {
        await DeliverToPatientAsync();
        if (_segments.HasOpen && Now - _segments.LastAppendUnixMs >= IdleFlush.TotalMilliseconds) _segments.Close();
        await (_segments.HasClosed ? WriteClosedAsync() : TellRecordingAsync());
    }

    /// <summary>
    /// Hands the accepted batches to the patient's analysis, in order. A call that fails (the patient's host was lost
    /// during it, perhaps after an alarm was pushed and before it was stored) keeps its batch here, first in line for
    /// the next batch or timer tick: the patient's next activation must analyse it, not start after it. The batch is
    /// accepted and stored either way. A batch whose every try fails is given up (logged and counted) rather than hold
    /// the patient's analysis back for good; the next batch then finds samples missing, and the analysis that resumes
    /// reads the given-up one as not analysed (<see cref="RecentStream.NotAnalysedFromUnixMs"/>), even once it is stored
    /// and even after this grain's host is lost (the mark is saved in the state at once).
    /// </summary>
    private async Task DeliverToPatientAsync()
    {
        if (_undelivered.Count == 0 || State.PatientId is not { } patientId) return;
        var patient = GrainFactory.GetGrain<IPatientGrain>(patientId);
        while (_undelivered.TryPeek(out PatientDelivery? delivery))
        {
            try
            {
                IngestReceipt receipt = await patient.IngestAsync(delivery.Batch, delivery.ArrivedUnixMs, delivery.GapBeforeMs);
                _undelivered.Dequeue();
                // The analysis that took it resumed over a given-up batch first; the patient's alarms are stored or not.
                if (State.NotAnalysedFromUnixMs is not null || State.AlarmsUnstoredFromUnixMs != receipt.AlarmsUnstoredFromUnixMs)
                {
                    State.NotAnalysedFromUnixMs = null;
                    State.AlarmsUnstoredFromUnixMs = receipt.AlarmsUnstoredFromUnixMs;
                    await SaveAnalysisMarksAsync();
                }
            }
            catch (Exception e)
            {
                bool givenUp = ++delivery.FailedTries >= MaxDeliveryTries;
                MonitoringMetrics.CountAnalysisDeliveryFailure(givenUp);
                if (!givenUp)
                {
                    logger.LogWarning(e, "Device {DeviceId}: batch {Sequence} not handed to patient {PatientId}; handed over again with the next batch.", DeviceId, delivery.Batch.Sequence, patientId);
                    return;
                }
                logger.LogError(e, "Device {DeviceId}: batch {Sequence} not handed to patient {PatientId} in {Tries} tries; stored, and analysed when the patient's analysis resumes.", DeviceId, delivery.Batch.Sequence, patientId, MaxDeliveryTries);
                _undelivered.Dequeue();
                if (State.NotAnalysedFromUnixMs is null)
                {
                    State.NotAnalysedFromUnixMs = delivery.Batch.FirstSampleTimeUnixMs;
                    await SaveAnalysisMarksAsync();
                }
            }
        }
    }

    /// <summary>
    /// Saves the state when the marks of samples not analysed or whose alarms are not stored change (rare: a
    /// hand-over given up and the one after it; the patient's alarm log failing and working again). A mark must be
    /// saved before the samples after it are stored and the host is lost, or the next analysis would take those
    /// samples as settled. A failed save leaves the marks in memory, saved with the next state write.
    /// </summary>
    private async Task SaveAnalysisMarksAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Device {DeviceId}: the marks of samples not analysed ({NotAnalysed}) or whose alarms are not stored ({AlarmsUnstored}) were not saved; kept in memory.",
                DeviceId, State.NotAnalysedFromUnixMs, State.AlarmsUnstoredFromUnixMs);
            if (e is InconsistentStateException) DeactivateOnIdle(); // another activation owns the state (see WriteClosedAsync)
        }
    }

    /// <summary>
    /// Writes the closed segments, oldest first, and records how far storage has come (in the state: when
    /// <paramref name="saveState"/> or <see cref="StateSavePeriod"/> has passed). When storage fails the
    /// samples stay queued here (and unacknowledged as persisted) and the write is retried with the next batch or
    /// timer tick; only when too much piles up does the device get an error, so that it keeps its batches and backs off.
    /// </summary>
    private async Task WriteClosedAsync(bool saveState = false)
    {
        try
        {
            bool wrote = false;
            while (_segments.HasClosed)
            {
                var (streamId, segment) = _segments.Oldest;
                await WriteSegmentAsync(streamId, segment);
                _segments.Written();
                logger.LogDebug("Device {DeviceId}: batches {First}-{Last} written to {Stream}.", DeviceId, segment.FirstSequence, segment.LastSequence, streamId);
                _link.Persisted(segment.LastSequence, segment.EndUnixMs);
                wrote = true;
                MonitoringMetrics.CountSegmentWritten();
            }
            if (saveState || (wrote && Now - _watermarkSavedUnixMs >= StateSavePeriod.TotalMilliseconds))
            {
                await state.WriteStateAsync();
                if (wrote) _watermarkSavedUnixMs = Now;
            }
            _recordingFails = false;
        }
        catch (InconsistentStateException e)
        {
            // Another activation of this device wrote the state (a brief double activation while the cluster
            // changes). This one can never save its watermark again: it must not go on acknowledging batches as
            // persisted. The device's next call reaches the surviving activation and resends what it keeps.
            logger.LogWarning(e, "Device {DeviceId}: the stored state changed under this activation; deactivating it.", DeviceId);
            DeactivateOnIdle();
            throw;
        }
        catch (Exception e)
        {
            MonitoringMetrics.CountSegmentWriteFailure();
            _recordingFails = true;
            await TellRecordingAsync();
            if (_segments.UnwrittenSeconds >= MaxUnwritten.TotalSeconds) throw;
            logger.LogWarning(e, "Device {DeviceId}: full-disclosure write failed; kept in memory and retried.", DeviceId);
            return;
        }
        await TellRecordingAsync();
    }

    /// <summary>
    /// Tells the attached patient when recording starts failing and when it works again. A failed call is not a write
    /// failure: it is logged, and made again on the next timer tick until the patient has it.
    /// </summary>
    private async Task TellRecordingAsync()
    {
        if (_recordingFails is not bool failed || _recordingFailedTold == failed) return;
        try
        {
            if (State.PatientId is { } patientId) await GrainFactory.GetGrain<IPatientGrain>(patientId).NoteRecordingAsync(!failed);
            _recordingFailedTold = failed;
        }
        catch (Exception e) when (e is not InconsistentStateException)
        {
            logger.LogWarning(e, "Device {DeviceId}: could not tell the patient that recording {State}; told again on the next tick.",
                DeviceId, failed ? "fails" : "works again");
        }
    }

    private async Task WriteSegmentAsync(string streamId, WaveformSegment segment)
    {
        int alreadyStored = await fullDisclosure.WriteAsync(streamId, segment);
        if (alreadyStored == 0) return;
        // Another activation of this grain (a failover, a brief double activation) stored them first.
        MonitoringMetrics.CountAlreadyStored(alreadyStored);
        logger.LogInformation("Device {DeviceId}: {Count} of batches {First}-{Last} were already stored; left out.", DeviceId, alreadyStored, segment.FirstSequence, segment.LastSequence);
    }

    private string StreamId => State.PatientId ?? UnassignedStream(DeviceId);

    /// <summary>Where a device's samples go while it is attached to no patient.</summary>
    public static string UnassignedStream(string deviceId) => $"unassigned-{deviceId}";
}
