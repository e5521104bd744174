namespace Monitoring.Evaluation;

/// <summary>
/// Aggregate EC57 statistics over records, as WFDB sumstats computes them (EC57 3.5.2-3.5.3):
/// gross statistics from counts pooled over the records, average statistics as the mean of the
/// per-record values, skipping records where a value is undefined. QRS statistics use every record;
/// VEB and SVEB statistics skip the records excluded from ectopy (EC57: the paced records).
/// </summary>
public sealed class Ec57Summary
{
    private readonly Func<string, bool> _isExcludedFromEctopy;

    private Ec57Summary(IReadOnlyList<RecordComparison> records, Func<string, bool> isExcludedFromEctopy)
    {
        Records = records;
        _isExcludedFromEctopy = isExcludedFromEctopy;
        var ectopyRecords = records.Where(r => !isExcludedFromEctopy(r.RecordName)).ToList();

        QrsTotals = ConfusionMatrix.Sum(records.Select(r => r.Matrix));
        EctopyTotals = ConfusionMatrix.Sum(ectopyRecords.Select(r => r.Matrix));
        Gross = Ec57Statistics.FromMatrices(QrsTotals, EctopyTotals);
        Average = new Ec57Statistics(
            Mean(records, r => r.QrsSensitivity),
            Mean(records, r => r.QrsPositivePredictivity),
            Mean(ectopyRecords, r => r.VebSensitivity),
            Mean(ectopyRecords, r => r.VebPositivePredictivity),
            Mean(ectopyRecords, r => r.VebFalsePositiveRate),
            Mean(ectopyRecords, r => r.SvebSensitivity),
            Mean(ectopyRecords, r => r.SvebPositivePredictivity));
    }

    /// <summary>Summarises <paramref name="records"/>; records named in <paramref name="excludeFromEctopy"/>
    /// (for mitdb: <see cref="Ec57.PacedMitdbRecords"/>) count for QRS only.</summary>
    public static Ec57Summary From(IReadOnlyList<RecordComparison> records, ISet<string>? excludeFromEctopy = null) =>
        From(records, name => excludeFromEctopy?.Contains(name) ?? false);

    /// <summary>As <see cref="From(IReadOnlyList{RecordComparison}, ISet{string})"/> with a predicate.</summary>
    public static Ec57Summary From(IReadOnlyList<RecordComparison> records, Func<string, bool> isExcludedFromEctopy)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(isExcludedFromEctopy);
        return new Ec57Summary(records.ToList(), isExcludedFromEctopy);
    }

    public IReadOnlyList<RecordComparison> Records { get; }

    /// <summary>Counts pooled over all records (QRS gross statistics).</summary>
    public ConfusionMatrix QrsTotals { get; }

    /// <summary>Counts pooled over the records not excluded from ectopy (VEB/SVEB gross statistics).</summary>
    public ConfusionMatrix EctopyTotals { get; }

    /// <summary>Statistics of the pooled counts.</summary>
    public Ec57Statistics Gross { get; }

    /// <summary>Means of the per-record statistics, each over the records where it is defined.</summary>
    public Ec57Statistics Average { get; }

    public bool IsExcludedFromEctopy(string recordName) => _isExcludedFromEctopy(recordName);

    private static double? Mean(IEnumerable<RecordComparison> records, Func<RecordComparison, double?> statistic)
    {
        var defined = records.Select(statistic).OfType<double>().ToList();
        return defined.Count > 0 ? defined.Average() : null;
    }
}
