namespace Monitoring.Evaluation;

/// <summary>
/// Run-by-run counts of one run length class (couplets, short runs or long runs of ventricular ectopic beats).
/// Statistics are percentages (0..100), null when undefined.
/// </summary>
/// <param name="Reference">Reference runs of the class.</param>
/// <param name="Detected">Those of them that a test run of the same class overlaps.</param>
/// <param name="Test">Test runs of the class.</param>
/// <param name="TruePositive">Those of them that a reference run of the same class overlaps.</param>
public readonly record struct RunCounts(int Reference, int Detected, int Test, int TruePositive)
{
    public double? Sensitivity => Ec57Statistics.Percent(Detected, Reference);
    public double? PositivePredictivity => Ec57Statistics.Percent(TruePositive, Test);

    public static RunCounts operator +(RunCounts a, RunCounts b) =>
        new(a.Reference + b.Reference, a.Detected + b.Detected, a.Test + b.Test, a.TruePositive + b.TruePositive);
}
