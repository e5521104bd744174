using System.Globalization;
using System.Text;

namespace Monitoring.Evaluation;

/// <summary>Fixed-width text report of an <see cref="Ec57Summary"/>, laid out like sumstats output.</summary>
public static class Ec57Report
{
    private const string Header =
        "Record      TP     FN     FP  QRS Se  QRS +P  VEB Se  VEB +P SVEB Se SVEB +P Shutdown";

    /// <summary>
    /// One line per record (QRS TP FN FP Se +P, VEB Se +P, SVEB Se +P, reference beats missed in shutdown),
    /// then the pooled "Sum", "Gross" and "Average" lines. Percentages have two decimals, "-" when undefined.
    /// Records excluded from ectopy are marked with '*'; their VEB/SVEB values are shown but not aggregated.
    /// </summary>
    public static string FormatTable(Ec57Summary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var totals = summary.QrsTotals;
        var ectopy = summary.EctopyTotals;
        var text = new StringBuilder();

        text.AppendLine(Header);
        foreach (var record in summary.Records)
        {
            string name = record.RecordName + (summary.IsExcludedFromEctopy(record.RecordName) ? "*" : "");
            text.AppendLine(Row(name, record.QrsTp, record.QrsFn, record.QrsFp, record.Statistics, record.ShutdownBeats));
        }

        text.AppendLine(new string('_', Header.Length));
        text.AppendLine(Row("Sum", totals.QrsTruePositives, totals.QrsFalseNegatives, totals.QrsFalsePositives, null, totals.ShutdownBeats));
        text.AppendLine(Row("Gross", null, null, null, summary.Gross, null));
        text.AppendLine(Row("Average", null, null, null, summary.Average, null));
        text.AppendLine();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Total QRS complexes: {totals.ReferenceBeats}  Total VEBs: {ectopy.VebTruePositives + ectopy.VebFalseNegatives}  Total SVEBs: {ectopy.SvebTruePositives + ectopy.SvebFalseNegatives}"));
        if (summary.Records.Any(r => summary.IsExcludedFromEctopy(r.RecordName)))
            text.AppendLine("* excluded from VEB and SVEB gross and average statistics");
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Summary of results from {summary.Records.Count} record{(summary.Records.Count == 1 ? "" : "s")}"));
        return text.ToString();
    }

    /// <summary>One table row; null cells are left blank so Sum/Gross/Average share the record layout.</summary>
    private static string Row(string name, long? tp, long? fn, long? fp, Ec57Statistics? s, long? shutdown)
    {
        string percents = s is null
            ? new string(' ', 6 * 8)
            : string.Concat(Percent(s.QrsSensitivity), Percent(s.QrsPositivePredictivity), Percent(s.VebSensitivity),
                Percent(s.VebPositivePredictivity), Percent(s.SvebSensitivity), Percent(s.SvebPositivePredictivity));
        return (name.PadRight(8) + Count(tp, 6) + Count(fn, 7) + Count(fp, 7) + percents + Count(shutdown, 9)).TrimEnd();
    }

    private static string Count(long? value, int width) =>
        (value?.ToString(CultureInfo.InvariantCulture) ?? "").PadLeft(width);

    private static string Percent(double? value) =>
        (value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-").PadLeft(8);
}
