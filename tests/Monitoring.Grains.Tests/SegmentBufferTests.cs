using Monitoring.Grains.Devices;

namespace Monitoring.Grains.Tests;

public class SegmentBufferTests
{
    [Fact]
    public void TenSecondsOfBatchesMakeOneSegmentWithEverySample()
    {
        var buffer = new SegmentBuffer("dev-1");
        int batches = 0;
        while (!buffer.HasClosed) buffer.Append("pat-1", Batches.Make(++batches, value: (short)batches), 0);
        int firstSegmentBatches = batches;
        buffer.Written();
        while (!buffer.HasClosed) buffer.Append("pat-1", Batches.Make(++batches, value: (short)batches), 0);

        var (stream, segment) = buffer.Oldest;
        Assert.Equal("pat-1", stream);
        Assert.Equal(firstSegmentBatches + 1, segment.FirstSequence);
        Assert.Equal(batches, segment.LastSequence);
        Assert.InRange(segment.SamplesPerLead, 2500, 2500 + 61);
        Assert.Equal(Batches.Start + firstSegmentBatches * 248L, segment.StartUnixMs);
        Assert.Equal(firstSegmentBatches + 1, segment.Samples[0]);
        Assert.Equal(batches, segment.Samples[^1]);
        Assert.False(buffer.HasOpen);
    }

    [Fact]
    public void DevicesThatStartTogetherCloseTheirFirstSegmentsAtDifferentTimes()
    {
        // A fleet in step would otherwise write all its segments to storage in the same instant every 10 s.
        double[] firsts = Enumerable.Range(0, 200).Select(i => SegmentBuffer.FirstSegmentSeconds($"sim-{i:D4}")).ToArray();

        Assert.All(firsts, seconds => Assert.InRange(seconds, 5, 10));
        Assert.True(firsts.Distinct().Count() > 190);
        // Spread over the whole range: each second of it holds some devices.
        for (int second = 5; second < 10; second++) Assert.Contains(firsts, s => s >= second && s < second + 1);
        Assert.Equal(SegmentBuffer.FirstSegmentSeconds("sim-0007"), SegmentBuffer.FirstSegmentSeconds("sim-0007"));

        var buffer = new SegmentBuffer("sim-0007");
        int batches = 0;
        while (!buffer.HasClosed) buffer.Append("pat-1", Batches.Make(++batches), 0);
        Assert.InRange(buffer.Oldest.Segment.SamplesPerLead, firsts[7] * 250, firsts[7] * 250 + 62);
    }

    [Fact]
    public void AGapOrANewPatientClosesTheSegment()
    {
        var buffer = new SegmentBuffer("dev-1");
        buffer.Append("pat-1", Batches.Make(1), 0);
        buffer.Append("pat-1", Batches.Make(2), 0);
        buffer.Append("pat-1", Batches.Make(3, Batches.Start + 10_000), 0);
        buffer.Append("pat-2", Batches.Make(4, Batches.Start + 10_248), 0);
        buffer.Close();

        var segments = new List<(string, long, long)>();
        while (buffer.HasClosed)
        {
            var (stream, segment) = buffer.Oldest;
            segments.Add((stream, segment.FirstSequence, segment.LastSequence));
            buffer.Written();
        }
        Assert.Equal([("pat-1", 1L, 2L), ("pat-1", 3L, 3L), ("pat-2", 4L, 4L)], segments);
        Assert.Equal(0, buffer.UnwrittenSeconds, 6);
    }

    [Fact]
    public void AnUnwrittenSegmentStaysQueued()
    {
        var buffer = new SegmentBuffer("dev-1");
        buffer.Append("pat-1", Batches.Make(1), 0);
        buffer.Close();
        buffer.Append("pat-1", Batches.Make(2), 0);
        buffer.Close();
        Assert.Equal(1, buffer.Oldest.Segment.FirstSequence);
        Assert.Equal(0.496, buffer.UnwrittenSeconds, 3);
        buffer.Written();
        Assert.Equal(2, buffer.Oldest.Segment.FirstSequence);
    }

    [Fact]
    public void HeldGivesTheStreamsUnwrittenSamplesOldestFirstCutToTheRange()
    {
        var buffer = new SegmentBuffer("dev-1");
        int batches = 0;
        while (!buffer.HasClosed) buffer.Append("pat-1", Batches.Make(++batches, value: (short)batches), 0);
        int closedBatches = batches;
        for (int i = 0; i < 4; i++) buffer.Append("pat-1", Batches.Make(++batches, value: (short)batches), 0);
        long end = Batches.Start + batches * 248L;

        var held = buffer.Held("pat-1", Batches.Start + 1_000, end + 5_000);
        Assert.Equal(2, held.Count);
        Assert.Equal(Batches.Start + 1_000, held[0].StartUnixMs);
        Assert.Equal(5, held[0].Samples[0]); // 1 s in is the 5th batch of 248 ms
        Assert.Equal(Batches.Start + closedBatches * 248L, held[1].StartUnixMs);
        Assert.Equal(4 * 62, held[1].SamplesPerLead);
        Assert.Equal(batches, held[1].Samples[^1]);
        Assert.Empty(buffer.Held("pat-2", Batches.Start, end));

        // A written segment is in storage: only the open one is still held.
        buffer.Written();
        Assert.Equal(Batches.Start + closedBatches * 248L, Assert.Single(buffer.Held("pat-1", Batches.Start, end)).StartUnixMs);
    }

    [Fact]
    public void CutKeepsWholeSamplesOfEveryLeadInsideTheRange()
    {
        var batch = Batches.Make(1, samplesPerLead: 250, leads: ["I", "II"]);
        for (int i = 0; i < batch.Samples.Length; i++) batch.Samples[i] = (short)i;
        var segment = SegmentBuffer.Single("dev-1", batch);

        var part = SegmentBuffer.Cut(segment, Batches.Start + 100, Batches.Start + 200)!;
        Assert.Equal(Batches.Start + 100, part.StartUnixMs);
        Assert.Equal(25, part.SamplesPerLead); // 100 ms at 250 Hz
        Assert.Equal(2 * 25, part.Samples[0]); // sample 25 of lead I
        Assert.Equal(2 * 49 + 1, part.Samples[^1]); // sample 49 of lead II
        Assert.Same(segment, SegmentBuffer.Cut(segment, Batches.Start - 500, Batches.Start + 5_000));
        Assert.Null(SegmentBuffer.Cut(segment, Batches.Start + 1_000, Batches.Start + 2_000));
        Assert.Null(SegmentBuffer.Cut(segment, Batches.Start - 500, Batches.Start));
    }

    [Fact]
    public void PacePulsesStayOnTheirSamplesInSegmentsAndCuts()
    {
        // Batches of 62 samples (248 ms) with a pulse at sample 10 of every other one, as a paced patient's device reports them.
        var buffer = new SegmentBuffer("dev-1");
        int batches = 0;
        while (!buffer.HasClosed) buffer.Append("pat-1", Batches.Make(++batches, pacePulses: batches % 2 == 1 ? [10] : []), 0);
        buffer.Append("pat-1", Batches.Make(++batches, pacePulses: [3, 40]), 0);

        var (_, closed) = buffer.Oldest;
        int[] expected = [.. Enumerable.Range(0, batches - 1).Where(b => b % 2 == 0).Select(b => b * 62 + 10)];
        Assert.Equal(expected, closed.PacePulses);
        var open = Assert.Single(buffer.Held("pat-1", closed.EndUnixMs, closed.EndUnixMs + 1_000));
        Assert.Equal([3, 40], open.PacePulses);

        // A cut from 1 s in (sample 250, inside the 5th batch) keeps the later pulses, counted from its first sample.
        var part = SegmentBuffer.Cut(closed, Batches.Start + 1_000, closed.EndUnixMs)!;
        Assert.Equal([.. expected.Where(p => p >= 250).Select(p => p - 250)], part.PacePulses);
        Assert.Equal(4 * 62 + 10 - 250, part.PacePulses[0]);
        Assert.Equal([10], SegmentBuffer.Single("dev-1", Batches.Make(1, pacePulses: [10])).PacePulses);
    }
}
