namespace Monitoring.Evaluation;

/// <summary>
/// The EC57 beat-by-beat statistics in percent (0..100); null when undefined (zero denominator),
/// which bxb and sumstats print as "-".
/// </summary>
public sealed record Ec57Statistics(
    double? QrsSensitivity,
    double? QrsPositivePredictivity,
    double? VebSensitivity,
    double? VebPositivePredictivity,
    double? VebFalsePositiveRate,
    double? SvebSensitivity,
    double? SvebPositivePredictivity)
{
    /// <summary>All statistics of one matrix (one record, or pooled counts).</summary>
    public static Ec57Statistics FromMatrix(ConfusionMatrix matrix) => FromMatrices(matrix, matrix);

    /// <summary>
    /// QRS statistics from <paramref name="qrs"/>, VEB and SVEB statistics from <paramref name="ectopy"/>,
    /// because EC57 pools QRS over all records but ectopy only over the non-paced ones.
    /// </summary>
    public static Ec57Statistics FromMatrices(ConfusionMatrix qrs, ConfusionMatrix ectopy) => new(
        Percent(qrs.QrsTruePositives, qrs.QrsTruePositives + qrs.QrsFalseNegatives),
        Percent(qrs.QrsTruePositives, qrs.QrsTruePositives + qrs.QrsFalsePositives),
        Percent(ectopy.VebTruePositives, ectopy.VebTruePositives + ectopy.VebFalseNegatives),
        Percent(ectopy.VebTruePositives, ectopy.VebTruePositives + ectopy.VebFalsePositives),
        Percent(ectopy.VebFalsePositives, ectopy.VebTrueNegatives + ectopy.VebFalsePositives),
        Percent(ectopy.SvebTruePositives, ectopy.SvebTruePositives + ectopy.SvebFalseNegatives),
        Percent(ectopy.SvebTruePositives, ectopy.SvebTruePositives + ectopy.SvebFalsePositives));

    /// <summary>100 * numerator / denominator, or null when the denominator is zero.</summary>
    public static double? Percent(long numerator, long denominator) =>
        denominator > 0 ? 100.0 * numerator / denominator : null;
}
