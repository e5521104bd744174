namespace Monitoring.Evaluation.Tests;

public class SummaryTests
{
    private static RecordComparison Record(string name, params (Ec57Class Reference, Ec57Class Test, long Count)[] cells)
    {
        var matrix = new ConfusionMatrix();
        foreach (var (reference, test, count) in cells)
            matrix.Add(reference, test, count);
        return new RecordComparison(name, matrix);
    }

    // 100: QRS TP 99, FN 3 (Se 97.06), FP 0; VEB Se 50 (1 of 2), +P 100.
    private static readonly RecordComparison First =
        Record("100", (Ec57Class.N, Ec57Class.N, 98), (Ec57Class.N, Ec57Class.O, 2), (Ec57Class.V, Ec57Class.V, 1), (Ec57Class.V, Ec57Class.O, 1));

    // 101: QRS TP 10, FN 0, FP 10 (+P 50); no VEBs, so VEB statistics are undefined.
    private static readonly RecordComparison Second =
        Record("101", (Ec57Class.N, Ec57Class.N, 10), (Ec57Class.O, Ec57Class.N, 10));

    // 102 (paced): 5 VEBs all called normal.
    private static readonly RecordComparison Paced =
        Record("102", (Ec57Class.V, Ec57Class.N, 5));

    [Fact]
    public void GrossPoolsCountsAndAverageMeansRecordValues()
    {
        var summary = Ec57Summary.From([First, Second]);
        Assert.Equal(100.0 * 109 / 112, summary.Gross.QrsSensitivity!.Value, 9);
        Assert.Equal((100.0 * 99 / 102 + 100.0) / 2, summary.Average.QrsSensitivity!.Value, 9);
        Assert.Equal(100.0 * 109 / 119, summary.Gross.QrsPositivePredictivity!.Value, 9);
        Assert.Equal((100.0 + 50.0) / 2, summary.Average.QrsPositivePredictivity!.Value, 9);
    }

    [Fact]
    public void AveragesSkipRecordsWhereAStatisticIsUndefined()
    {
        var summary = Ec57Summary.From([First, Second]);
        Assert.Equal(50.0, summary.Gross.VebSensitivity);
        Assert.Equal(50.0, summary.Average.VebSensitivity);   // not (50 + 0) / 2: 101 has no VEBs
        Assert.Null(summary.Gross.SvebSensitivity);
        Assert.Null(summary.Average.SvebSensitivity);
    }

    [Fact]
    public void ExcludedRecordsCountForQrsButNotForEctopy()
    {
        var included = Ec57Summary.From([First, Second, Paced]);
        Assert.Equal(100.0 / 7, included.Gross.VebSensitivity!.Value, 9);

        var excluded = Ec57Summary.From([First, Second, Paced], Ec57.PacedMitdbRecords);
        Assert.Equal(50.0, excluded.Gross.VebSensitivity);
        Assert.Equal(50.0, excluded.Average.VebSensitivity);
        Assert.Equal(100.0 * 114 / 117, excluded.Gross.QrsSensitivity!.Value, 9);
        Assert.Equal(3, excluded.Records.Count);
        Assert.True(excluded.IsExcludedFromEctopy("102"));
        Assert.False(excluded.IsExcludedFromEctopy("100"));

        var byPredicate = Ec57Summary.From([First, Second, Paced], name => name == "102");
        Assert.Equal(excluded.Gross, byPredicate.Gross);
        Assert.Equal(excluded.Average, byPredicate.Average);
    }

    [Fact]
    public void PacedMitdbRecordsAreTheFourEc57Ones()
    {
        Assert.Equal(["102", "104", "107", "217"], Ec57.PacedMitdbRecords.Order());
    }

    [Fact]
    public void AnEmptySummaryIsUndefined()
    {
        var summary = Ec57Summary.From([]);
        Assert.Null(summary.Gross.QrsSensitivity);
        Assert.Null(summary.Average.QrsSensitivity);
    }

    [Fact]
    public void ReportHasOneLinePerRecordAndGrossAndAverageLines()
    {
        var summary = Ec57Summary.From([First, Second, Paced], Ec57.PacedMitdbRecords);
        string report = Ec57Report.FormatTable(summary);
        string[] lines = report.Split(Environment.NewLine);

        Assert.StartsWith("Record", lines[0]);
        Assert.Matches(@"^100\s+99\s+3\s+0\s+97\.06\s+100\.00\s+50\.00\s+100\.00\s+-\s+-\s+0$", lines[1]);
        Assert.Matches(@"^101\s+10\s+0\s+10\s+100\.00\s+50\.00\s+-\s+-\s+-\s+-\s+0$", lines[2]);
        Assert.StartsWith("102*", lines[3]);
        Assert.Contains(lines, line => line.StartsWith("Sum ", StringComparison.Ordinal) && line.Contains(" 114 "));
        Assert.Contains(lines, line => line.StartsWith("Gross ", StringComparison.Ordinal) && line.Contains(" 97.44 "));
        Assert.Contains(lines, line => line.StartsWith("Average ", StringComparison.Ordinal));
        Assert.Contains("* excluded from VEB and SVEB", report);

        // Fixed width: the statistic columns line up with the header.
        int column = lines[0].IndexOf("QRS +P", StringComparison.Ordinal) + "QRS +P".Length;
        Assert.Equal("100.00", lines[1].Substring(column - 6, 6));
    }
}
