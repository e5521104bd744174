using Monitoring.Storage.Waveforms;

namespace Monitoring.Storage.Tests;

public sealed class WaveformSegmenterTests
{
    private static readonly string[] Leads = ["MLII", "V1"];

    [Fact]
    public void Segments_are_cut_at_ten_second_wall_clock_boundaries_and_keep_every_sample()
    {
        var start = new DateTimeOffset(2026, 11, 20, 9, 59, 55, 500, TimeSpan.Zero);
        short[][] samples = Ramp(30 * 360);

        IReadOnlyList<WaveformSegment> segments = WaveformSegmenter.Split("p1", start, 0, 360, Leads, samples);

        Assert.Equal(
            [start, At(10, 0, 0), At(10, 0, 10), At(10, 0, 20)],
            segments.Select(segment => segment.Start));
        Assert.Equal([1620, 3600, 3600, 1980], segments.Select(segment => segment.SampleCount));
        Assert.Equal(samples[1], segments.SelectMany(segment => segment.Samples[1]));
    }

    [Fact]
    public void The_same_samples_sent_from_another_starting_point_give_the_same_segments()
    {
        var streamStart = new DateTimeOffset(2026, 11, 20, 10, 0, 3, 123, TimeSpan.Zero);
        short[][] samples = Ramp(60 * 360);
        const int resentFrom = 4321;

        IReadOnlyList<WaveformSegment> whole = WaveformSegmenter.Split("p1", streamStart, 0, 360, Leads, samples);
        IReadOnlyList<WaveformSegment> resent = WaveformSegmenter.Split(
            "p1", streamStart, resentFrom, 360, Leads, MitdbRecords.Slice(samples, resentFrom, samples[0].Length - resentFrom));

        // Every re-sent segment after the first (partial) one equals an original one: same start, same samples.
        Assert.All(resent.Skip(1), segment =>
        {
            WaveformSegment original = Assert.Single(whole, original => original.Start == segment.Start);
            Assert.Equal(original.Samples, segment.Samples);
        });
    }

    [Fact]
    public void A_segment_duration_that_does_not_divide_an_hour_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            WaveformSegmenter.Split("p1", DateTimeOffset.UnixEpoch, 0, 360, Leads, Ramp(100), TimeSpan.FromSeconds(7)));
    }

    private static DateTimeOffset At(int hour, int minute, int second) => new(2026, 11, 20, hour, minute, second, TimeSpan.Zero);

    private static short[][] Ramp(int count) =>
        [Enumerable.Range(0, count).Select(i => (short)i).ToArray(), Enumerable.Range(0, count).Select(i => (short)-i).ToArray()];
}
