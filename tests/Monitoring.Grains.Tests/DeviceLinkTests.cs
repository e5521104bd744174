using Monitoring.Contracts.Devices;
using Monitoring.Grains.Devices;

namespace Monitoring.Grains.Tests;

public class DeviceLinkTests
{
    private const long Now = Batches.Start + 3_600_000;

    [Fact]
    public void ContinuousBatchesAreAcceptedWithoutGap()
    {
        var link = new DeviceLink(new DeviceLinkState());
        for (long s = 1; s <= 10; s++)
        {
            var verdict = link.Judge(Batches.Make(s), Now);
            Assert.Equal(BatchStatus.Accepted, verdict.Status);
            Assert.Equal(0, verdict.GapBeforeMs);
        }
        Assert.Equal(10, link.State.LastSequence);
        Assert.Equal(10, link.State.BatchesAccepted);
        Assert.Equal(0, link.State.Gaps);
    }

    [Fact]
    public void AResentBatchIsADuplicate()
    {
        var link = new DeviceLink(new DeviceLinkState());
        link.Judge(Batches.Make(1), Now);
        link.Judge(Batches.Make(2), Now);
        Assert.Equal(BatchStatus.Duplicate, link.Judge(Batches.Make(1), Now).Status);
        Assert.Equal(BatchStatus.Duplicate, link.Judge(Batches.Make(2), Now).Status);
        Assert.Equal(2, link.State.DuplicatesDropped);
    }

    [Fact]
    public void ASequenceGapIsAcceptedAsSignalLossAndItsLateBatchesAreStoredNotAnalysed()
    {
        var link = new DeviceLink(new DeviceLinkState());
        link.Judge(Batches.Make(1), Now);
        var afterGap = link.Judge(Batches.Make(5), Now);
        Assert.Equal(BatchStatus.Accepted, afterGap.Status);
        Assert.Equal(3 * 248, afterGap.GapBeforeMs);
        Assert.Equal(3, link.State.BatchesMissing);

        var late = link.Judge(Batches.Make(3), Now);
        Assert.Equal((BatchStatus.Accepted, true), (late.Status, late.Late));
        Assert.Equal([new SequenceRange(2, 2), new SequenceRange(4, 4)], link.State.Missing);
        Assert.Equal((2L, 1L), (link.State.BatchesMissing, link.State.LateBatches));
        Assert.Equal(BatchStatus.Duplicate, link.Judge(Batches.Make(3), Now).Status);
    }

    [Fact]
    public void ABatchAskedAgainThatReturnsAfterLaterOnesIsTakenLateNotDroppedAsADuplicate()
    {
        // A fresh activation that knows of nothing asked for batch 73 again; 74-76 were already on their way.
        var link = new DeviceLink(new DeviceLinkState());
        link.AskedToResend(73);
        for (long s = 74; s <= 76; s++) Assert.Equal(BatchStatus.Accepted, link.Judge(Batches.Make(s), Now).Status);
        Assert.Equal([new SequenceRange(73, 73)], link.State.Missing);

        var resent = link.Judge(Batches.Make(73), Now);
        Assert.Equal((BatchStatus.Accepted, true), (resent.Status, resent.Late));
        Assert.Equal(BatchStatus.Duplicate, link.Judge(Batches.Make(74), Now).Status);
    }

    [Fact]
    public void ATimeGapWithContiguousSequenceIsAGap()
    {
        var link = new DeviceLink(new DeviceLinkState());
        link.Judge(Batches.Make(1), Now);
        var verdict = link.Judge(Batches.Make(2, Batches.Start + 248 + 5_000), Now);
        Assert.Equal(BatchStatus.Accepted, verdict.Status);
        Assert.Equal(5_000, verdict.GapBeforeMs);
        Assert.Equal(1, link.State.Gaps);
    }

    [Theory]
    [InlineData(1 + DeviceBatchLimits.MaxSequenceJump + 1, 0, BatchErrors.FarFutureSequence)]
    [InlineData(2, Now + 60_000, BatchErrors.FarFutureTime)]
    [InlineData(2, Batches.Start - 1_000, BatchErrors.TimeGoesBack)]
    public void ImplausibleBatchesAreRejected(long sequence, long firstSampleTime, string error)
    {
        var link = new DeviceLink(new DeviceLinkState());
        link.Judge(Batches.Make(1), Now);
        var verdict = link.Judge(Batches.Make(sequence, firstSampleTime == 0 ? null : firstSampleTime), Now);
        Assert.Equal(BatchStatus.Rejected, verdict.Status);
        Assert.Equal(error, verdict.ErrorCode);
        Assert.Equal(1, link.State.LastSequence);
        Assert.Equal(1, link.State.BatchesRejected);
    }

    [Fact]
    public void AfterARestartTheUnpersistedBatchesAreTakenAgain()
    {
        var link = new DeviceLink(new DeviceLinkState());
        for (long s = 1; s <= 8; s++) link.Judge(Batches.Make(s), Now);
        link.Persisted(4, Batches.Make(5).FirstSampleTimeUnixMs);
        link.Judge(Batches.Make(12), Now); // a gap the old activation saw

        var restarted = new DeviceLink(link.State);
        restarted.RewindToPersisted();
        for (long s = 5; s <= 12; s++) Assert.Equal(BatchStatus.Accepted, restarted.Judge(Batches.Make(s), Now).Status);
        Assert.Equal(BatchStatus.Duplicate, restarted.Judge(Batches.Make(4), Now).Status);
    }

    [Fact]
    public void LatencyAndJitterFollowTheArrivals()
    {
        var link = new DeviceLink(new DeviceLinkState());
        for (long s = 1; s <= 200; s++)
        {
            var batch = Batches.Make(s);
            long end = batch.FirstSampleTimeUnixMs + 248;
            link.Judge(batch, end + (s % 2 == 0 ? 100 : 140));
        }
        Assert.InRange(link.State.MeanLatencyMs, 110, 130);
        Assert.InRange(link.State.JitterMs, 35, 41);
    }

    [Fact]
    public void ADeviceThatRestartsItsNumberingIsAcceptedWithNothingPersistedOfTheNewNumbering()
    {
        var link = new DeviceLink(new DeviceLinkState());
        for (long s = 1; s <= 20; s++) link.Judge(Batches.Make(s), Now);
        link.Persisted(20, Batches.Make(21).FirstSampleTimeUnixMs);

        var rebooted = Batches.Make(1, Batches.Make(21).FirstSampleTimeUnixMs + 60_000);
        Assert.True(link.IsNumberingRestart(rebooted));
        var verdict = link.Judge(rebooted, Now);
        Assert.Equal(BatchStatus.Accepted, verdict.Status);
        Assert.Equal(60_000, verdict.GapBeforeMs);
        Assert.Equal((1L, 0L), (link.State.LastSequence, link.State.PersistedThroughSequence));

        // A resend of an old batch is still a duplicate: its samples are old.
        Assert.False(link.IsNumberingRestart(Batches.Make(1)));
        Assert.Equal(BatchStatus.Duplicate, link.Judge(Batches.Make(1), Now).Status);
    }

    [Fact]
    public void TheAcknowledgedWatermarkDoesNotPassAMissingBatchAndTheDeviceIsAskedForIt()
    {
        // Batch 21 went astray (its call failed after 22's succeeded, or another activation took it): the device still
        // keeps it, and lets go of everything up to the watermark it is told.
        DeviceLink link = StreamWithout(21);
        Assert.Equal(20, link.AcknowledgedThroughSequence);
        Assert.Equal(0, link.ResendWanted(Now, out _));           // it may still be on its way
        Assert.Equal(21, link.ResendWanted(Now + 2_000, out _));
        Assert.Equal(0, link.ResendWanted(Now + 3_000, out _));   // asked already

        Assert.True(link.Judge(Batches.Make(21), Now).Late);
        Assert.Equal(30, link.AcknowledgedThroughSequence);
        Assert.Equal(0, link.ResendWanted(Now + 10_000, out _));
    }

    [Fact]
    public void AMissingBatchTheDeviceDoesNotSendWhenAskedThreeTimesIsGivenUp()
    {
        DeviceLink link = StreamWithout(21, 22);
        SequenceRange givenUp;
        Assert.Equal(0, link.ResendWanted(Now, out _));
        Assert.Equal(21, link.ResendWanted(Now + 2_000, out _));
        Assert.Equal(0, link.ResendWanted(Now + 6_000, out _));
        Assert.Equal(21, link.ResendWanted(Now + 7_000, out _));
        Assert.Equal(21, link.ResendWanted(Now + 12_000, out givenUp));
        Assert.Equal(default, givenUp);
        Assert.Equal(20, link.AcknowledgedThroughSequence);

        Assert.Equal(0, link.ResendWanted(Now + 17_000, out givenUp));
        Assert.Equal(new SequenceRange(21, 22), givenUp);
        Assert.Equal(30, link.AcknowledgedThroughSequence);
        // Still stored if it comes after all.
        Assert.True(link.Judge(Batches.Make(22), Now).Late);
    }

    [Fact]
    public void ARejectedBatchIsNotMissingAndDoesNotHoldTheWatermarkBack()
    {
        var link = new DeviceLink(new DeviceLinkState());
        for (long s = 1; s <= 5; s++) link.Judge(Batches.Make(s), Now);
        Assert.Equal(BatchStatus.Rejected, link.Judge(Batches.Make(6, firstSampleTime: Batches.Start), Now).Status);
        link.CountRejected(7);   // malformed, rejected before it reached the stream
        var next = link.Judge(Batches.Make(8), Now);
        link.Persisted(8, Batches.Make(9).FirstSampleTimeUnixMs);

        Assert.Equal(BatchStatus.Accepted, next.Status);
        Assert.True(next.GapBeforeMs > 0);   // their samples are still a gap in the signal
        Assert.Empty(link.State.Missing);
        Assert.Equal((0L, 2L), (link.State.BatchesMissing, link.State.BatchesRejected));
        Assert.Equal(8, link.AcknowledgedThroughSequence);
    }

    [Fact]
    public void AMissingBatchThatStorageHoldsNoLongerHoldsTheWatermarkBack()
    {
        // A new activation found 1-40 stored without a break: another activation stored 21.
        DeviceLink link = StreamWithout(21);
        link.StorageHolds(new SequenceRange(1, 40));
        Assert.Equal(30, link.AcknowledgedThroughSequence);
        Assert.Equal(0, link.ResendWanted(Now + 10_000, out _));
        Assert.Equal(0, link.State.BatchesMissing);

        DeviceLink partly = StreamWithout(21);
        partly.StorageHolds(new SequenceRange(22, 40));
        Assert.Equal(20, partly.AcknowledgedThroughSequence);
    }

    /// <summary>Batches 1-30 but <paramref name="missing"/> taken, and 1-30 written to storage.</summary>
    private static DeviceLink StreamWithout(params long[] missing)
    {
        var link = new DeviceLink(new DeviceLinkState());
        for (long s = 1; s <= 30; s++)
        {
            if (!missing.Contains(s)) link.Judge(Batches.Make(s), Now);
        }
        link.Persisted(30, Batches.Make(31).FirstSampleTimeUnixMs);
        return link;
    }
}
