using System.Globalization;
using System.Text;

namespace Monitoring.Evaluation;

/// <summary>Fixed-width text report of an <see cref="EpisodeSummary"/>, one line per record, like sumstats' epicmp tables.</summary>
public static class EpisodeReport
{
    private const string Header =
        "Record  Ref  Det Test   TP  Ep Se  Ep +P    Ref s   Test s  Both s  Dur Se  Dur +P";

    /// <summary>
    /// Per record: reference episodes, detected ones, test episodes, true positive ones, episode Se and +P, reference,
    /// test and overlapping time in seconds, duration Se and +P; then the "Sum", "Gross" and "Average" lines.
    /// </summary>
    public static string FormatTable(EpisodeSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var text = new StringBuilder();
        text.AppendLine(Header);
        foreach (var record in summary.Records) text.AppendLine(Row(record.RecordName, record, true));
        text.AppendLine(new string('_', Header.Length));
        text.AppendLine(Row("Sum", summary.Totals, false));
        text.AppendLine(Row("Gross", summary.Totals, true, countsAndTimes: false));
        text.AppendLine(("Average".PadRight(26) + Percent(summary.AverageEpisodeSensitivity) + Percent(summary.AverageEpisodePositivePredictivity)
            + new string(' ', 26) + Percent(summary.AverageDurationSensitivity) + Percent(summary.AverageDurationPositivePredictivity)).TrimEnd());
        return text.ToString();
    }

    private static string Row(string name, EpisodeComparison c, bool statistics, bool countsAndTimes = true)
    {
        string counts = countsAndTimes ? Count(c.ReferenceEpisodes, 5) + Count(c.DetectedReferenceEpisodes, 5) + Count(c.TestEpisodes, 5) + Count(c.TruePositiveTestEpisodes, 5) : new string(' ', 20);
        string episodeStats = statistics ? Percent(c.EpisodeSensitivity) + Percent(c.EpisodePositivePredictivity) : new string(' ', 14);
        string times = countsAndTimes ? Seconds(c.ReferenceSeconds, 9) + Seconds(c.TestSeconds, 9) + Seconds(c.OverlapSeconds, 8) : new string(' ', 26);
        string durationStats = statistics ? Percent(c.DurationSensitivity) + Percent(c.DurationPositivePredictivity) : "";
        return (name.PadRight(6) + counts + episodeStats + times + durationStats).TrimEnd();
    }

    private static string Count(int value, int width) => value.ToString(CultureInfo.InvariantCulture).PadLeft(width);

    private static string Seconds(double value, int width) => value.ToString("0", CultureInfo.InvariantCulture).PadLeft(width);

    private static string Percent(double? value) =>
        (value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-").PadLeft(7);
}
