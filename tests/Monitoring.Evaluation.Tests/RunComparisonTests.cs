using Monitoring.Wfdb;
using static Monitoring.Evaluation.Tests.Ann;

namespace Monitoring.Evaluation.Tests;

/// <summary>Run-by-run statistics of ventricular ectopic runs on synthetic annotation lists.</summary>
public class RunComparisonTests
{
    /// <summary>Beats every 300 samples from <paramref name="start"/>, V where the pattern says V.</summary>
    private static List<WfdbAnnotation> Beats(long start, string pattern) =>
        pattern.Select((c, i) => c == 'V' ? V(start + 300L * i) : N(start + 300L * i)).ToList();

    private static RunComparison Compare(IReadOnlyList<WfdbAnnotation> reference, IReadOnlyList<WfdbAnnotation> test) =>
        RunComparer.Compare("r", reference, test, Fs, Ec57Options.WholeRecord);

    [Fact]
    public void Runs_are_classed_by_length_and_broken_by_other_beats_and_fibrillation()
    {
        var annotations = Beats(0, "NVVNVVVNVVVVVNVVVVVVNVN").Concat([VfOn(30_000), V(30_300), V(30_600), VfOff(31_000), V(31_300), N(31_600)]).ToList();

        var runs = RunComparer.Runs(annotations, 0, long.MaxValue);

        Assert.Equal([2, 3, 5, 6], runs.Select(r => r.Length));
        Assert.Equal((300L, 600L, 2), runs[0]);
    }

    [Fact]
    public void A_run_is_detected_by_an_overlapping_run_of_the_same_class_only()
    {
        var reference = Beats(0, "NNVVNNNVVVVNNNVVVVVVVNNN");
        // Test: the couplet found, the short run read as a long one, the long run found a beat late, plus one false couplet.
        var test = Beats(0, "NNVVNNNVVVVVVNNNVVVVVVNNNVVN");

        var result = Compare(reference, test);

        Assert.Equal(new RunCounts(1, 1, 2, 1), result.Couplets);
        Assert.Equal(new RunCounts(1, 0, 0, 0), result.ShortRuns);
        Assert.Equal(new RunCounts(1, 1, 2, 1), result.LongRuns);
        Assert.Equal(100, result.Couplets.Sensitivity);
        Assert.Equal(50, result.Couplets.PositivePredictivity);
        Assert.Null(result.ShortRuns.PositivePredictivity);
    }

    [Fact]
    public void Runs_starting_before_the_scored_period_do_not_count()
    {
        var reference = Beats(0, "NVVNNNNNNNVVVN");
        var result = RunComparer.Compare("r", reference, reference, Fs, new Ec57Options(FromSeconds: 5));

        Assert.Equal(new RunCounts(0, 0, 0, 0), result.Couplets);
        Assert.Equal(new RunCounts(1, 1, 1, 1), result.ShortRuns);
    }

    [Fact]
    public void The_report_prints_each_record_and_the_gross_line()
    {
        var reference = Beats(0, "NVVNVVVN");
        string table = RunReport.FormatTable([Compare(reference, reference), Compare(reference, Beats(0, "NNNNNNNN"))]);

        string[] lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Record", lines[0]);
        Assert.StartsWith("r        1/1/1/1", lines[1]);
        Assert.StartsWith("Gross    2/1/1/1", lines[^1]);

        var paced = new HashSet<string> { "r" };
        Assert.StartsWith("Gross    0/0/0/0", RunReport.FormatTable([Compare(reference, reference)], paced).Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
    }

    [Fact]
    public void Vt_episodes_are_vt_rhythm_episodes()
    {
        WfdbAnnotation Rhythm(long sample, string text) => new(sample, AnnotationCode.Rhythm, Aux: text);
        var reference = new[] { Rhythm(0, "(N"), Rhythm(1000, "(VT"), Rhythm(2000, "(N"), Rhythm(5000, "(VT"), Rhythm(5600, "(N") };
        var test = new[] { Rhythm(1500, "(VT"), Rhythm(2500, "(N"), Rhythm(8000, "(VT"), Rhythm(9000, "(N") };

        var result = EpisodeComparer.VentricularTachycardia("r", reference, test, Fs, 10_000, new EpisodeOptions(FromSeconds: 0));

        Assert.Equal((2, 1, 2, 1), (result.ReferenceEpisodes, result.DetectedReferenceEpisodes, result.TestEpisodes, result.TruePositiveTestEpisodes));
        Assert.Equal(500 / Fs, result.OverlapSeconds, 6);
    }
}
