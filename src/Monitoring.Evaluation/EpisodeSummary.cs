namespace Monitoring.Evaluation;

/// <summary>
/// Episode statistics over records, as sumstats aggregates epicmp output: gross statistics from counts and times pooled
/// over the records, average statistics as the mean of the per-record values where defined.
/// </summary>
public sealed class EpisodeSummary
{
    private EpisodeSummary(IReadOnlyList<EpisodeComparison> records)
    {
        Records = records;
        Totals = new EpisodeComparison("Sum",
            records.Sum(r => r.ReferenceEpisodes), records.Sum(r => r.DetectedReferenceEpisodes),
            records.Sum(r => r.TestEpisodes), records.Sum(r => r.TruePositiveTestEpisodes),
            records.Sum(r => r.ReferenceSeconds), records.Sum(r => r.TestSeconds), records.Sum(r => r.OverlapSeconds));
        AverageEpisodeSensitivity = Mean(r => r.EpisodeSensitivity);
        AverageEpisodePositivePredictivity = Mean(r => r.EpisodePositivePredictivity);
        AverageDurationSensitivity = Mean(r => r.DurationSensitivity);
        AverageDurationPositivePredictivity = Mean(r => r.DurationPositivePredictivity);
    }

    public static EpisodeSummary From(IReadOnlyList<EpisodeComparison> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return new EpisodeSummary(records.ToList());
    }

    public IReadOnlyList<EpisodeComparison> Records { get; }

    /// <summary>Counts and times pooled over the records; its statistics are the gross statistics.</summary>
    public EpisodeComparison Totals { get; }

    public double? AverageEpisodeSensitivity { get; }
    public double? AverageEpisodePositivePredictivity { get; }
    public double? AverageDurationSensitivity { get; }
    public double? AverageDurationPositivePredictivity { get; }

    private double? Mean(Func<EpisodeComparison, double?> statistic)
    {
        var defined = Records.Select(statistic).OfType<double>().ToList();
        return defined.Count > 0 ? defined.Average() : null;
    }
}
