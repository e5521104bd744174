namespace Monitoring.Evaluation;

/// <summary>A closed interval of sample numbers [Start, End]; End may be <see cref="Unbounded"/>.</summary>
internal readonly record struct SampleInterval(long Start, long End)
{
    /// <summary>
    /// Stands for "never" / "end of annotations". Far below long.MaxValue so that differences of
    /// times (bxb compares |T - t| freely) cannot overflow.
    /// </summary>
    public const long Unbounded = long.MaxValue / 4;

    public bool Contains(long sample) => Start <= sample && sample <= End;

    public static bool AnyContains(IReadOnlyList<SampleInterval> intervals, long sample)
    {
        foreach (var interval in intervals)
            if (interval.Contains(sample))
                return true;
        return false;
    }
}
