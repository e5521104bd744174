using Monitoring.Contracts.Devices;

namespace Monitoring.Grains.Devices;

/// <summary>
/// Judges each batch against the device's stream so far. Delivery is at-least-once, so a sequence number already
/// seen is a duplicate and is dropped. A jump in sequence numbers or in sample time is a gap (signal loss) and is
/// accepted. A late batch from inside a gap, a sequence number implausibly far ahead, a first-sample time ahead of the
/// server's clock or behind the stream are rejected. Also keeps the link statistics (latency, jitter, losses).
/// </summary>
public sealed class DeviceLink(DeviceLinkState state)
{
    /// <summary>Time between batches up to which the stream counts as continuous (clock rounding, device jitter).</summary>
    public const long ContinuityToleranceMs = 100;

    /// <summary>Whether the batch has this signal format (rate, gain, leads in order): only samples of one format make one stream.</summary>
    public static bool HasFormat(DeviceBatch batch, int samplingRateHz, double gainUnitsPerMv, string[] leads) =>
        batch.SamplingRateHz == samplingRateHz && batch.GainUnitsPerMv.Equals(gainUnitsPerMv) && batch.Leads.AsSpan().SequenceEqual(leads);

    private const long ReconnectWindowMs = 3_600_000;

    private const int MissingRangesKept = 32;
    private const double StatisticsWeight = 1.0 / 16;

    /// <summary>The batch a fresh activation asked the device to send again, with all it keeps (0: none).</summary>
    private long _resendAsked;

    public DeviceLinkState State => state;

    /// <summary>
    /// A fresh activation answered batch <paramref name="sequence"/> with <see cref="BatchStatus.Resend"/>: the device
    /// still has it and sends it again, but later batches it sent before it read the answer may come first. Taken
    /// first, they must leave this one missing (so that it is taken late and stored), not make it a duplicate; a link that
    /// has taken nothing yet would otherwise know of no gap before them.
    /// </summary>
    public void AskedToResend(long sequence) => _resendAsked = sequence;

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
            state.Missing.Clear();
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
            return Rejected(BatchErrors.FarFutureSequence, $"Sequence {batch.Sequence} is more than {DeviceBatchLimits.MaxSequenceJump} ahead of {state.LastSequence}.");
        if (batch.FirstSampleTimeUnixMs > nowUnixMs + (long)DeviceBatchLimits.MaxClockAhead.TotalMilliseconds)
            return Rejected(BatchErrors.FarFutureTime, $"First sample time {batch.FirstSampleTimeUnixMs} is ahead of the server clock {nowUnixMs}.");
        if (state.LastSampleEndUnixMs > 0 && batch.FirstSampleTimeUnixMs < state.LastSampleEndUnixMs - ContinuityToleranceMs)
            return Rejected(BatchErrors.TimeGoesBack, $"First sample time {batch.FirstSampleTimeUnixMs} is before the end of the previous batch {state.LastSampleEndUnixMs}.");

        long gapMs = 0;
        long missingFrom = state.LastSequence > 0 ? state.LastSequence + 1 : _resendAsked;
        long missing = missingFrom > 0 && batch.Sequence > missingFrom ? batch.Sequence - missingFrom : 0;
        if (missing > 0) NoteMissing(new SequenceRange(missingFrom, batch.Sequence - 1));
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
    /// A batch from inside a gap, arriving after later ones (it was delayed, or its first delivery failed under load):
    /// too late for the real-time analysis, which has moved on, but its samples belong in full disclosure.
    /// </summary>
    private BatchVerdict TakeLate(int rangeIndex, long sequence)
    {
        SequenceRange range = state.Missing[rangeIndex];
        state.Missing.RemoveAt(rangeIndex);
        if (range.First < sequence) state.Missing.Insert(rangeIndex, new SequenceRange(range.First, sequence - 1));
        if (sequence < range.Last) state.Missing.Add(new SequenceRange(sequence + 1, range.Last));
        state.BatchesMissing--;
        state.LateBatches++;
        return new BatchVerdict(BatchStatus.Accepted, Late: true);
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

    /// <summary>Counts a batch rejected before it reached the stream (bad format, wrong device).</summary>
    public void CountRejected() => state.BatchesRejected++;

    private BatchVerdict Rejected(string code, string message)
    {
        state.BatchesRejected++;
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
