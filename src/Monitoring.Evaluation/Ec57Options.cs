namespace Monitoring.Evaluation;

/// <summary>Options of the beat-by-beat comparison (bxb -w, -f and -t).</summary>
/// <param name="MatchWindowSeconds">
/// A test beat matches a reference beat when they are at most this far apart (EC57: 0.150 s). Inclusive.
/// </param>
/// <param name="FromSeconds">
/// Start of the scored period. EC57 skips the first 5 minutes (learning period); 0 scores the whole record.
/// </param>
/// <param name="ToSeconds">
/// End of the scored period, or null to score up to the last annotation of either annotator
/// (what bxb does when the record length is known).
/// </param>
public sealed record Ec57Options(double MatchWindowSeconds = 0.150, double FromSeconds = 300, double? ToSeconds = null)
{
    /// <summary>The EC57 standard comparison: 150 ms window, scoring from 5:00 to the end.</summary>
    public static Ec57Options Standard { get; } = new();

    /// <summary>The whole record with the EC57 window (bxb -f 0), as many papers report.</summary>
    public static Ec57Options WholeRecord { get; } = new(FromSeconds: 0);
}
