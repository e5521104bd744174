namespace Monitoring.Evaluation;

/// <summary>One episode of a rhythm, from <paramref name="Start"/> to <paramref name="End"/> (sample numbers, End exclusive).</summary>
public readonly record struct Episode(long Start, long End)
{
    public long Length => End - Start;

    /// <summary>Samples this episode shares with <paramref name="other"/>.</summary>
    public long Overlap(Episode other) => Math.Max(0, Math.Min(End, other.End) - Math.Max(Start, other.Start));
}
