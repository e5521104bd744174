using Monitoring.Wfdb;
using static Monitoring.Evaluation.Tests.Ann;

namespace Monitoring.Evaluation.Tests;

/// <summary>Episode-by-episode (epicmp) statistics on synthetic annotation lists, scored from 0 unless a test says otherwise.</summary>
public class EpisodeComparisonTests
{
    private const long RecordEnd = 100_000;
    private static readonly EpisodeOptions WholeRecord = new(FromSeconds: 0);

    private static WfdbAnnotation Rhythm(long sample, string text) => new(sample, AnnotationCode.Rhythm, Aux: text);

    private static EpisodeComparison CompareAf(IReadOnlyList<WfdbAnnotation> reference, IReadOnlyList<WfdbAnnotation> test, EpisodeOptions? options = null) =>
        EpisodeComparer.AtrialFibrillation("r", reference, test, Fs, RecordEnd, options ?? WholeRecord);

    [Fact]
    public void An_af_episode_runs_from_afib_to_the_next_other_rhythm_and_an_open_one_to_the_record_end()
    {
        var annotations = new[]
        {
            Rhythm(0, "(N"), Rhythm(1000, "(AFIB"), N(1500), Rhythm(2000, "(AFIB"), Rhythm(3000, "(N"),
            Rhythm(5000, "(AFIB\0"), Rhythm(6000, "(AFL"), Rhythm(7000, "(AFIB"),
        };

        var episodes = RhythmEpisodes.Rhythm(annotations, RhythmEpisodes.AtrialFibrillation, RecordEnd);

        Assert.Equal([new Episode(1000, 3000), new Episode(5000, 6000), new Episode(7000, RecordEnd)], episodes);
    }

    [Fact]
    public void A_vf_episode_runs_from_vfon_to_vfoff_and_rhythm_annotations_do_not_matter()
    {
        var annotations = new[] { VfOn(1000), Rhythm(1200, "(N"), VfOff(2000), Rhythm(2500, "(VFL"), VfOn(9000) };

        Assert.Equal([new Episode(1000, 2000), new Episode(9000, RecordEnd)], RhythmEpisodes.VentricularFibrillation(annotations, RecordEnd));
    }

    [Fact]
    public void Any_overlap_detects_an_episode_and_durations_count_the_shared_time()
    {
        var reference = new[] { Rhythm(10_000, "(AFIB"), Rhythm(20_000, "(N") };
        var test = new[] { Rhythm(19_000, "(AFIB"), Rhythm(25_000, "(N") };

        var result = CompareAf(reference, test);

        Assert.Equal((1, 1, 1, 1), (result.ReferenceEpisodes, result.DetectedReferenceEpisodes, result.TestEpisodes, result.TruePositiveTestEpisodes));
        Assert.Equal(100, result.EpisodeSensitivity);
        Assert.Equal(100, result.EpisodePositivePredictivity);
        Assert.Equal(10_000 / Fs, result.ReferenceSeconds, 9);
        Assert.Equal(6_000 / Fs, result.TestSeconds, 9);
        Assert.Equal(1_000 / Fs, result.OverlapSeconds, 9);
        Assert.Equal(10, result.DurationSensitivity!.Value, 9);
        Assert.Equal(100.0 / 6, result.DurationPositivePredictivity!.Value, 9);
    }

    [Fact]
    public void Missed_and_false_episodes_lower_sensitivity_and_positive_predictivity()
    {
        var reference = new[] { Rhythm(10_000, "(AFIB"), Rhythm(20_000, "(N"), Rhythm(40_000, "(AFIB"), Rhythm(50_000, "(N") };
        var test = new[] { Rhythm(12_000, "(AFIB"), Rhythm(18_000, "(N"), Rhythm(60_000, "(AFIB"), Rhythm(62_000, "(N"), Rhythm(70_000, "(AFIB"), Rhythm(71_000, "(N") };

        var result = CompareAf(reference, test);

        Assert.Equal(50, result.EpisodeSensitivity);
        Assert.Equal(100.0 / 3, result.EpisodePositivePredictivity!.Value, 9);
        Assert.Equal(30, result.DurationSensitivity!.Value, 9);      // 6000 of 20000
        Assert.Equal(100.0 * 6_000 / 9_000, result.DurationPositivePredictivity!.Value, 9);
        Assert.Equal(3_000 / Fs, result.FalseSeconds, 9);
    }

    [Fact]
    public void Test_af_during_reference_atrial_flutter_is_neither_rewarded_nor_penalised()
    {
        var reference = new[] { Rhythm(10_000, "(AFL"), Rhythm(20_000, "(AFIB"), Rhythm(30_000, "(N") };
        var inFlutterOnly = new[] { Rhythm(12_000, "(AFIB"), Rhythm(18_000, "(N") };
        var acrossBoth = new[] { Rhythm(15_000, "(AFIB"), Rhythm(30_000, "(N") };

        var flutter = CompareAf(reference, inFlutterOnly);
        var both = CompareAf(reference, acrossBoth);

        Assert.Equal(0, flutter.TestEpisodes);
        Assert.Equal(0, flutter.TestSeconds);
        Assert.Equal(0, flutter.DurationSensitivity);
        Assert.Null(flutter.DurationPositivePredictivity);
        Assert.Equal(100, both.DurationPositivePredictivity);
        Assert.Equal(100, both.DurationSensitivity);
    }

    [Fact]
    public void Only_the_scored_period_counts_and_episodes_are_clipped_to_it()
    {
        long fiveMinutes = (long)(300 * Fs);
        var reference = new[] { Rhythm(1_000, "(AFIB"), Rhythm(2_000, "(N"), Rhythm(fiveMinutes - 1_000, "(AFIB"), Rhythm(fiveMinutes + 1_000, "(N") };
        var test = new[] { Rhythm(1_000, "(AFIB"), Rhythm(2_000, "(N") };

        var result = EpisodeComparer.AtrialFibrillation("r", reference, test, Fs, 2 * fiveMinutes, EpisodeOptions.Standard);

        Assert.Equal(1, result.ReferenceEpisodes);
        Assert.Equal(1_000 / Fs, result.ReferenceSeconds, 9);
        Assert.Equal(0, result.TestEpisodes);
        Assert.Equal(0, result.EpisodeSensitivity);
    }

    [Fact]
    public void Short_episodes_are_left_out_of_episode_counts_but_not_of_durations()
    {
        var reference = new[] { Rhythm(10_000, "(AFIB"), Rhythm(10_360, "(N"), Rhythm(20_000, "(AFIB"), Rhythm(30_000, "(N") };
        var test = new[] { Rhythm(20_000, "(AFIB"), Rhythm(30_000, "(N") };

        var result = CompareAf(reference, test, WholeRecord with { MinimumEpisodeSeconds = 10 });

        Assert.Equal(1, result.ReferenceEpisodes);
        Assert.Equal(100, result.EpisodeSensitivity);
        Assert.Equal(100.0 * 10_000 / 10_360, result.DurationSensitivity!.Value, 9);
    }

    [Fact]
    public void Vf_episodes_are_compared_the_same_way()
    {
        var result = EpisodeComparer.VentricularFibrillation("r", [VfOn(1_000), VfOff(5_000)], [VfOn(4_000), VfOff(6_000)], Fs, RecordEnd, WholeRecord);

        Assert.Equal(100, result.EpisodeSensitivity);
        Assert.Equal(25, result.DurationSensitivity);
        Assert.Equal(50, result.DurationPositivePredictivity);
    }

    [Fact]
    public void The_summary_pools_counts_and_times_for_gross_and_averages_defined_record_values()
    {
        var a = new EpisodeComparison("a", 2, 1, 1, 1, 100, 50, 50);
        var b = new EpisodeComparison("b", 0, 0, 1, 0, 0, 30, 0);

        var summary = EpisodeSummary.From([a, b]);

        Assert.Equal(50, summary.Totals.EpisodeSensitivity);
        Assert.Equal(50, summary.Totals.EpisodePositivePredictivity);
        Assert.Equal(50, summary.Totals.DurationSensitivity);
        Assert.Equal(62.5, summary.Totals.DurationPositivePredictivity);
        Assert.Equal(50, summary.AverageEpisodeSensitivity);            // b has no reference episode: undefined, skipped
        Assert.Equal(50, summary.AverageEpisodePositivePredictivity);   // (100 + 0) / 2
        Assert.Equal(50, summary.AverageDurationPositivePredictivity);

        string[] lines = EpisodeReport.FormatTable(summary).ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Record", lines[0]);
        Assert.Equal(["a", "2", "1", "1", "1", "50.00", "100.00", "100", "50", "50", "50.00", "100.00"], lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["b", "0", "0", "1", "0", "-", "0.00", "0", "30", "0", "-", "0.00"], lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["Gross", "50.00", "50.00", "50.00", "62.50"], lines[5].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["Average", "50.00", "50.00", "50.00", "50.00"], lines[6].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("201")]
    [InlineData("203")]
    public void A_real_reference_compared_with_itself_scores_100_percent(string record)
    {
        string path = Path.Combine(SharedData.Mitdb, record);
        var reference = WfdbAnnotationReader.Read(path + ".atr");
        long end = WfdbRecordReader.ReadHeader(path).SampleCount;

        var result = EpisodeComparer.AtrialFibrillation(record, reference, reference, 360, end);

        Assert.True(result.ReferenceEpisodes >= 2, $"{record}: {result.ReferenceEpisodes} AF episodes after 5:00");
        Assert.Equal(100, result.EpisodeSensitivity);
        Assert.Equal(100, result.EpisodePositivePredictivity);
        Assert.Equal(100, result.DurationSensitivity!.Value, 9);
        Assert.Equal(100, result.DurationPositivePredictivity!.Value, 9);
    }
}
