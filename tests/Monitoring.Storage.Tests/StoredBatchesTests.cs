using Monitoring.Storage.Waveforms;

namespace Monitoring.Storage.Tests;

public sealed class StoredBatchesTests
{
    [Fact]
    public void Ranges_that_touch_or_overlap_merge_and_gaps_stay_open()
    {
        var stored = new StoredBatches();
        stored.Add(1, 10, 1_000);
        stored.Add(21, 30, 3_000);
        stored.Add(11, 15, 1_500);
        Assert.Equal("1-15,21-30", stored.FormatRanges());
        Assert.True(stored.Contains(15));
        Assert.False(stored.Contains(16));
        Assert.False(stored.Contains(20));
        // A late batch that fills the gap joins everything into one range; the end time only moves forward.
        stored.Add(16, 20, 2_000);
        Assert.Equal("1-30", stored.FormatRanges());
        Assert.Equal(3_000, stored.EndUnixMs);
    }

    [Fact]
    public void Only_the_newest_ranges_are_kept()
    {
        var stored = new StoredBatches();
        for (int i = 0; i < StoredBatches.MaxRanges + 3; i++) stored.Add(i * 10, i * 10 + 5, i);
        Assert.Equal(StoredBatches.MaxRanges, stored.RangeCount);
        Assert.False(stored.Contains(0));
        Assert.True(stored.Contains((StoredBatches.MaxRanges + 2) * 10));
    }

    [Fact]
    public void A_number_reused_on_newer_samples_is_a_new_numbering_and_a_resend_is_not()
    {
        var stored = new StoredBatches();
        stored.Add(100, 139, 50_000);
        Assert.False(stored.IsNumberingRestart(120, 45_000)); // resent: old samples
        Assert.False(stored.IsNumberingRestart(140, 50_000)); // the next batch
        Assert.True(stored.IsNumberingRestart(1, 50_000)); // the device restarted its counter
        Assert.True(stored.IsNumberingRestart(139, 60_000));
        stored.StartNewNumbering();
        Assert.False(stored.Contains(120));
    }

    [Fact]
    public void Ranges_read_back_as_written_and_a_damaged_fence_is_named()
    {
        var stored = new StoredBatches();
        stored.Add(1, 10, 7);
        stored.Add(12, 12, 9);
        StoredBatches back = StoredBatches.Parse(stored.FormatRanges(), stored.EndUnixMs, "fence");
        Assert.Equal("1-10,12-12", back.FormatRanges());
        Assert.Equal(9, back.EndUnixMs);
        Assert.Equal("", StoredBatches.Parse("", 0, "fence").FormatRanges());
        var error = Assert.Throws<InvalidDataException>(() => StoredBatches.Parse("1-10,x", 0, "Waveform fence w|p|2026/~fence|d"));
        Assert.Contains("Waveform fence w|p|2026/~fence|d", error.Message);
        Assert.Contains("'x'", error.Message);
        Assert.Throws<InvalidDataException>(() => StoredBatches.Parse("9-3", 0, "fence"));
    }
}
