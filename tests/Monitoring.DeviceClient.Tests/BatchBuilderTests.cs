namespace Monitoring.DeviceClient.Tests;

public sealed class BatchBuilderTests
{
    [Fact]
    public void Batches_that_are_not_a_whole_number_of_samples_alternate_and_are_dated_without_drift()
    {
        // 250 Hz in 250 ms batches: 62.5 samples each.
        List<SampleBlock> blocks = [.. BatchBuilder.Slice(TestSignals.Sine(seconds: 10), 250, TestSignals.StartUnixMs)];

        Assert.Equal(40, blocks.Count);
        int firstSample = 0;
        for (int k = 0; k < blocks.Count; k++)
        {
            Assert.Equal(k % 2 == 0 ? 62 : 63, blocks[k].SamplesPerLead);
            Assert.Equal(TestSignals.StartUnixMs + 4 * firstSample, blocks[k].FirstSampleTimeUnixMs);
            firstSample += blocks[k].SamplesPerLead;
        }
        Assert.Equal(2500, firstSample);
    }

    [Fact]
    public void Leads_are_interleaved_sample_by_sample()
    {
        var recording = new EcgRecording(["I", "II"], [[1, 2, 3, 4], [10, 20, 30, 40]], 200, 100);

        SampleBlock block = new BatchBuilder(recording, 10, 0).Next()!;

        Assert.Equal([1, 10, 2, 20], block.Samples);
        Assert.Equal(["I", "II"], block.Leads);
        Assert.Equal(100, block.GainUnitsPerMv);
    }

    [Fact]
    public void A_real_record_is_cut_into_batches_that_hold_every_sample_once_in_order()
    {
        var signals = Monitoring.Wfdb.WfdbRecordReader.ReadSignals(SharedData.Record("mitdb", "101"));
        var recording = new EcgRecording(["MLII", "V1"], [signals.GetSignal(0), signals.GetSignal(1)], (int)signals.Header.SamplingFrequency, signals.GetGain(0));

        var lead0 = new List<short>();
        var lead1 = new List<short>();
        long expectedIndex = 0;
        foreach (SampleBlock block in BatchBuilder.Slice(recording, 250, TestSignals.StartUnixMs))
        {
            Assert.Equal(TestSignals.StartUnixMs + (long)Math.Round(expectedIndex * 1000.0 / 360), block.FirstSampleTimeUnixMs);
            for (int i = 0; i < block.Samples.Length; i += 2)
            {
                lead0.Add(block.Samples[i]);
                lead1.Add(block.Samples[i + 1]);
            }
            expectedIndex += block.SamplesPerLead;
        }

        Assert.Equal(signals.GetSignal(0), lead0);
        Assert.Equal(signals.GetSignal(1), lead1);
    }

    [Fact]
    public void A_looping_builder_wraps_around_the_record_and_time_keeps_running()
    {
        var recording = new EcgRecording(["II"], [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]], 100, 200);
        var builder = new BatchBuilder(recording, 40, 1000, startSample: 8, loop: true);

        SampleBlock first = builder.Next()!;
        SampleBlock second = builder.Next()!;

        Assert.Equal([8, 9, 0, 1], first.Samples);
        Assert.Equal([2, 3, 4, 5], second.Samples);
        Assert.Equal(1000, first.FirstSampleTimeUnixMs);
        Assert.Equal(1040, second.FirstSampleTimeUnixMs);
    }

    [Fact]
    public void A_recording_that_does_not_loop_ends_with_a_short_batch()
    {
        var recording = new EcgRecording(["II"], [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]], 100, 200);

        List<SampleBlock> blocks = [.. BatchBuilder.Slice(recording, 40, 0)];

        Assert.Equal([4, 4, 2], blocks.Select(b => b.SamplesPerLead));
    }
}
