using Monitoring.Contracts.Devices;

namespace Monitoring.Grains.Devices;

/// <summary>
/// Judges each batch against the device's stream so far. Delivery is at-least-once, so a sequence number already
/// seen is a duplicate and is dropped. A jump in sequence numbers or in sample time is a gap (signal loss) and is
/// accepted. A late batch from inside a gap, a sequence number implausibly far ahead, a first-sample time ahead of the
/// server's clock or behind the stream are rejected. The watermark the device is told never passes a missing batch
/// until the device, asked for it, has had its chances to send it again. Also keeps the link statistics (latency,
/// jitter, losses).
/// </summary>
public sealed class DeviceLink(DeviceLinkState state)
{
    /// <summary>Time between batches up to which the stream counts as continuous (clock rounding, device jitter).</summary>
    public const long ContinuityToleranceMs = 100;

    /// <summary>Whether the batch has this signal format (rate, gain, leads in order): only samples of one format make one stream.</summary>
    public static bool HasFormat(DeviceBatch batch, int samplingRateHz, double gainUnitsPerMv, string[] leads) =>
        batch.SamplingRateHz == samplingRateHz && batch.GainUnitsPerMv.Equals(gainUnitsPerMv) && batch.Leads.AsSpan().SequenceEqual(leads);

    private const long ReconnectWindowMs = 3_600_000;

    /// <summary>Missing ranges remembered; the oldest beyond these is forgotten, and no longer holds the watermark back.</summary>
    private const int MissingRangesKept = 32;
    private const double StatisticsWeight = 1.0 / 16;

    /// <summary>
    /// How long a missing batch holds the watermark back before the device is asked for it: batches sent together can
    /// arrive out of order, and the late one is normally there within a round trip.
    /// </summary>
    private const long FirstResendAskAfterMs = 2_000;

    private const long ResendAskIntervalMs = 5_000;
    private const int ResendAsksBeforeGivingUp = 3;

    /// <summary>The batch a fresh activation asked the device to send again, with all it keeps (0: none).</summary>
    private long _resendAsked;

    private const int RejectedAheadKept = 64;

    /// <summary>Rejected batches numbered after the last accepted one (see <see cref="NoteRejected"/>).</summary>
    private readonly List<long> _rejectedAhead = [];

    // The missing batch that holds the watermark back (0: none), since when, and the asks for it so far.
    private long _heldFrom, _heldSinceUnixMs, _lastAskUnixMs;
    private int _asks;

    public DeviceLinkState State => state;

    /// <summary>
    /// A fresh activation answered batch <paramref name="sequence"/> with <see cref="BatchStatus.Resend"/>: the device
    /// still has it and sends it again, but later batches it sent before it read the answer may come first. Taken
    /// first, they must leave this one missing (so that it is taken late and stored), not make it a duplicate; a link that
    /// has taken nothing yet would otherwise know of no gap before them.
    /// </summary>
    public void AskedToResend(long sequence) => _resendAsked = sequence;

    /// <summary>
    /// What the device is told is persisted: <see cref="DeviceLinkState.PersistedThroughSequence"/>, but never past a
    /// batch missing below it. The device lets go of every batch up to this, and a missing batch may be one it still
    /// keeps that went astray: a call that failed after later ones succeeded, or one that another activation of this
    /// grain took while the cluster changed and may never store. Acknowledging past it would lose it for good.
    /// </summary>
    public long AcknowledgedThroughSequence => HeldBackFrom() is > 0 and var held ? held - 1 : state.PersistedThroughSequence;

    /// <summary>
    /// The batch to ask the device for again (0: none) while a missing batch holds the acknowledged watermark back:
    /// first once it has held it for <see cref="FirstResendAskAfterMs"/>, then every <see cref="ResendAskIntervalMs"/>.
    /// After <see cref="ResendAsksBeforeGivingUp"/> asks that brought nothing, the device is taken not to have those
    /// batches any more (another activation rejected them, or the device lost them in a restart): their range stops
    /// holding the watermark back and is returned in <paramref name="givenUp"/>. Otherwise the device would keep every
    /// later batch until its buffer filled and it stopped recording.
    /// </summary>
    public long ResendWanted(long nowUnixMs, out SequenceRange givenUp)
    {
        givenUp = default;
        long held = HeldBackFrom();
        if (held != _heldFrom)
        {
            (_heldFrom, _heldSinceUnixMs, _asks) = (held, nowUnixMs, 0);
        }
        if (held == 0 || nowUnixMs - _heldSinceUnixMs < FirstResendAskAfterMs) return 0;
        if (_asks > 0 && nowUnixMs - _lastAskUnixMs < ResendAskIntervalMs) return 0;
        if (_asks == ResendAsksBeforeGivingUp)
        {
            long last = held;
            foreach (SequenceRange range in state.Missing)
            {
                if (range.Contains(held)) last = range.Last;
            }
            state.GivenUpThroughSequence = last;
            givenUp = new SequenceRange(held, last);
            return 0;
        }
        _asks++;
        _lastAskUnixMs = nowUnixMs;
        return held;
    }

    /// <summary>The first missing batch at or below the persisted one that is not given up (0: none).</summary>
    private long HeldBackFrom()
    {
        long first = 0;
        foreach (SequenceRange range in state.Missing)
        {
            long from = Math.Max(range.First, state.GivenUpThroughSequence + 1);
            if (from <= range.Last && from <= state.PersistedThroughSequence && (first == 0 || from < first)) first = from;
        }
        return first;
    }

    /// <summary>
    /// True when the device has started numbering again (it restarted and lost its counter): a sequence number it
    /// already used, on samples newer than any received. A resent batch carries old samples.
    /// </summary>
    public bool IsNumberingRestart(DeviceBatch batch) =>
        state.LastSequence > 0
        && batch.Sequence <= state.LastSequence
        && batch.FirstSampleTimeUnixMs >= state.LastSampleEndUnixMs - ContinuityToleranceMs;

    public BatchVerdict Judge(DeviceBatch batch, long nowUnixMs)
    {
        if (IsNumberingRestart(batch) && batch.FirstSampleTimeUnixMs <= nowUnixMs + (long)DeviceBatchLimits.MaxClockAhead.TotalMilliseconds)
        {
            // Everything of the old numbering must be persisted by now (the grain writes it out first): the new
            // numbering starts with nothing persisted and no known gaps.
            state.LastSequence = batch.Sequence - 1;
            state.PersistedThroughSequence = batch.Sequence - 1;
            state.GivenUpThroughSequence = 0;
            state.Missing.Clear();
            _rejectedAhead.Clear();
        }
        if (batch.Sequence <= state.LastSequence)
        {
            for (int i = 0; i < state.Missing.Count; i++)
            {
                if (state.Missing[i].Contains(batch.Sequence)) return TakeLate(i, batch.Sequence);
            }
            state.DuplicatesDropped++;
            return BatchVerdict.Duplicate;
        }
        if (state.LastSequence > 0 && batch.Sequence - state.LastSequence > DeviceBatchLimits.MaxSequenceJump)
            return Rejected(batch, BatchErrors.FarFutureSequence, $"Sequence {batch.Sequence} is more than {DeviceBatchLimits.MaxSequenceJump} ahead of {state.LastSequence}.");
        if (batch.FirstSampleTimeUnixMs > nowUnixMs + (long)DeviceBatchLimits.MaxClockAhead.TotalMilliseconds)
            return Rejected(batch, BatchErrors.FarFutureTime, $"First sample time {batch.FirstSampleTimeUnixMs} is ahead of the server clock {nowUnixMs}.");
        if (state.LastSampleEndUnixMs > 0 && batch.FirstSampleTimeUnixMs < state.LastSampleEndUnixMs - ContinuityToleranceMs)
            return Rejected(batch, BatchErrors.TimeGoesBack, $"First sample time {batch.FirstSampleTimeUnixMs} is before the end of the previous batch {state.LastSampleEndUnixMs}.");

        long gapMs = 0;
        long missingFrom = state.LastSequence > 0 ? state.LastSequence + 1 : _resendAsked;
        long missing = missingFrom > 0 && batch.Sequence > missingFrom ? batch.Sequence - missingFrom : 0;
        if (missing > 0) NoteMissing(new SequenceRange(missingFrom, batch.Sequence - 1));
        if (_rejectedAhead.Count > 0) RejectedFallBehind(batch.Sequence);
        _resendAsked = 0;
        if (state.LastSampleEndUnixMs > 0)
        {
            long timeGap = batch.FirstSampleTimeUnixMs - state.LastSampleEndUnixMs;
            if (missing > 0 || timeGap > ContinuityToleranceMs)
            {
                gapMs = Math.Max(timeGap, 1);
                state.Gaps++;
            }
        }

        long endUnixMs = batch.EndUnixMs;
        UpdateLatency(nowUnixMs - endUnixMs);
        UpdateThroughput(nowUnixMs);
        state.LastSequence = batch.Sequence;
        state.LastSampleEndUnixMs = endUnixMs;
        state.BatchesAccepted++;
        return new BatchVerdict(BatchStatus.Accepted, gapMs);
    }

    /// <summary>
    /// Forgets what was accepted after the last persisted batch: a new activation lost those batches with the old
    /// one, and the device, which never saw them acknowledged as persisted, sends them again.
    /// </summary>
    public void RewindToPersisted()
    {
        state.LastSequence = state.PersistedThroughSequence;
        state.LastSampleEndUnixMs = state.PersistedThroughEndUnixMs;
        state.Missing.RemoveAll(range => range.First > state.PersistedThroughSequence);
    }

    /// <summary>Storage now holds everything up to the segment ending with this batch.</summary>
    public void Persisted(long sequence, long endUnixMs)
    {
        state.PersistedThroughSequence = sequence;
        state.PersistedThroughEndUnixMs = endUnixMs;
    }

    /// <summary>
    /// Storage holds every batch of <paramref name="run"/> (a new activation read it there): missing ranges inside it
    /// were stored by another activation, and must not hold the watermark back or make the device send them again.
    /// </summary>
    public void StorageHolds(SequenceRange run)
    {
        for (int i = state.Missing.Count - 1; i >= 0; i--)
        {
            SequenceRange range = state.Missing[i];
            if (range.First < run.First || range.Last > run.Last) continue;
            state.Missing.RemoveAt(i);
            state.BatchesMissing -= range.Last - range.First + 1;
        }
    }

    /// <summary>
    /// A batch from inside a gap, arriving after later ones (it was delayed, or its first delivery failed under load):
    /// too late for the real-time analysis, which has moved on, but its samples belong in full disclosure.
    /// </summary>
    private BatchVerdict TakeLate(int rangeIndex, long sequence)
    {
        NoLongerMissing(rangeIndex, sequence);
        state.LateBatches++;
        return new BatchVerdict(BatchStatus.Accepted, Late: true);
    }

    private void NoLongerMissing(int rangeIndex, long sequence)
    {
        SequenceRange range = state.Missing[rangeIndex];
        state.Missing.RemoveAt(rangeIndex);
        if (range.First < sequence) state.Missing.Insert(rangeIndex, new SequenceRange(range.First, sequence - 1));
        if (sequence < range.Last) state.Missing.Add(new SequenceRange(sequence + 1, range.Last));
        state.BatchesMissing--;
    }

    /// <summary>
    /// A rejected batch is not missing: the device dropped it when told, and it must not hold the acknowledged
    /// watermark back. One numbered after the last accepted batch is remembered until later ones arrive.
    /// </summary>
    private void NoteRejected(long sequence)
    {
        if (sequence > state.LastSequence)
        {
            if (_rejectedAhead.Count < RejectedAheadKept) _rejectedAhead.Add(sequence);
        }
        else
        {
            NoLongerMissing(sequence);
        }
    }

    /// <summary>Batch <paramref name="accepted"/> arrived: rejected ones before it are behind the stream, in its gap if any.</summary>
    private void RejectedFallBehind(long accepted)
    {
        for (int i = _rejectedAhead.Count - 1; i >= 0; i--)
        {
            if (_rejectedAhead[i] >= accepted) continue;
            NoLongerMissing(_rejectedAhead[i]);
            _rejectedAhead.RemoveAt(i);
        }
    }

    private void NoLongerMissing(long sequence)
    {
        for (int i = 0; i < state.Missing.Count; i++)
        {
            if (!state.Missing[i].Contains(sequence)) continue;
            NoLongerMissing(i, sequence);
            return;
        }
    }

    /// <summary>The device (re)connected: every connection after the first counts as a reconnection for an hour.</summary>
    public void Connected(long nowUnixMs)
    {
        state.RecentReconnectsUnixMs.RemoveAll(at => at < nowUnixMs - ReconnectWindowMs);
        if (state.EverConnected) state.RecentReconnectsUnixMs.Add(nowUnixMs);
        state.EverConnected = true;
    }

    public int ReconnectsLastHour(long nowUnixMs)
    {
        int count = 0;
        foreach (long at in state.RecentReconnectsUnixMs)
        {
            if (at >= nowUnixMs - ReconnectWindowMs) count++;
        }
        return count;
    }

    /// <summary>Batches the device never delivered, as a share of all it numbered.</summary>
    public double LossPercent => state.BatchesAccepted + state.BatchesMissing == 0 ? 0 : 100.0 * state.BatchesMissing / (state.BatchesAccepted + state.BatchesMissing);

    /// <summary>
    /// Counts a batch of this device rejected before it reached the stream (bad format). <paramref name="sequence"/>:
    /// its number, or 0 when it is not known to be this device's.
    /// </summary>
    public void CountRejected(long sequence)
    {
        state.BatchesRejected++;
        NoteRejected(sequence);
    }

    private BatchVerdict Rejected(DeviceBatch batch, string code, string message)
    {
        CountRejected(batch.Sequence);
        return BatchVerdict.Reject(code, message);
    }

    private void NoteMissing(SequenceRange range)
    {
        state.BatchesMissing += range.Last - range.First + 1;
        if (state.Missing.Count == MissingRangesKept) state.Missing.RemoveAt(0);
        state.Missing.Add(range);
    }

    private void UpdateThroughput(long nowUnixMs)
    {
        if (state.LastArrivalUnixMs > 0)
        {
            double rate = 1000.0 / Math.Max(1, nowUnixMs - state.LastArrivalUnixMs);
            state.BatchesPerSecond += (rate - state.BatchesPerSecond) * StatisticsWeight;
        }
        state.LastArrivalUnixMs = nowUnixMs;
    }

    /// <summary>Latency from the batch's last sample to its arrival, and its jitter as RFC 3550 smooths it.</summary>
    private void UpdateLatency(double latencyMs)
    {
        if (state.BatchesAccepted == 0)
        {
            state.MeanLatencyMs = latencyMs;
        }
        else
        {
            state.MeanLatencyMs += (latencyMs - state.MeanLatencyMs) * StatisticsWeight;
            state.JitterMs += (Math.Abs(latencyMs - state.LastLatencyMs) - state.JitterMs) * StatisticsWeight;
        }
        state.LastLatencyMs = latencyMs;
    }
}
