using System.Globalization;
using System.Text;

namespace Monitoring.Evaluation;

/// <summary>
/// Fixed-width text report of run-by-run comparisons: per record, then gross (counts pooled over the records not
/// excluded; EC57 leaves the paced records out of ventricular ectopy statistics), per run class.
/// </summary>
public static class RunReport
{
    private const string Header =
        "Record   Couplets ref/det/test/tp  CSe    C+P    Short runs             SSe    S+P    Long runs              LSe    L+P";

    public static string FormatTable(IReadOnlyList<RunComparison> records, IReadOnlySet<string>? excludedFromGross = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var text = new StringBuilder();
        text.AppendLine(Header);
        var total = new RunComparison("Gross", default, default, default);
        foreach (var record in records)
        {
            text.AppendLine(Row(record));
            if (excludedFromGross?.Contains(record.RecordName) == true) continue;
            total = new RunComparison("Gross", total.Couplets + record.Couplets, total.ShortRuns + record.ShortRuns, total.LongRuns + record.LongRuns);
        }
        text.AppendLine(new string('_', Header.Length));
        text.AppendLine(Row(total));
        return text.ToString();
    }

    private static string Row(RunComparison c) =>
        (c.RecordName.PadRight(9) + Cell(c.Couplets) + Cell(c.ShortRuns) + Cell(c.LongRuns)).TrimEnd();

    private static string Cell(RunCounts counts) =>
        $"{counts.Reference}/{counts.Detected}/{counts.Test}/{counts.TruePositive}".PadRight(23) + Percent(counts.Sensitivity) + Percent(counts.PositivePredictivity);

    private static string Percent(double? value) =>
        (value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-").PadRight(7);
}
