namespace Monitoring.Evaluation;

/// <summary>The run-by-run comparison of one record (or pooled records): counts per run length class, as EC57 reports them.</summary>
/// <param name="Couplets">Two ventricular ectopic beats in a row.</param>
/// <param name="ShortRuns">Three to five in a row.</param>
/// <param name="LongRuns">Six or more in a row.</param>
public sealed record RunComparison(string RecordName, RunCounts Couplets, RunCounts ShortRuns, RunCounts LongRuns);
