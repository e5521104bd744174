namespace Monitoring.Evaluation;

/// <summary>
/// The episode-by-episode comparison of one record (EC57 / epicmp): episode counts and durations in the scored period.
/// Statistics are percentages (0..100), null when undefined.
/// </summary>
/// <param name="RecordName">Record compared.</param>
/// <param name="ReferenceEpisodes">Reference episodes counted for episode sensitivity.</param>
/// <param name="DetectedReferenceEpisodes">Those of them that some test episode overlaps.</param>
/// <param name="TestEpisodes">Test episodes counted for episode positive predictivity.</param>
/// <param name="TruePositiveTestEpisodes">Those of them that overlap some reference episode.</param>
/// <param name="ReferenceSeconds">Total reference episode time.</param>
/// <param name="TestSeconds">Total test episode time (outside reference-excluded rhythms such as atrial flutter).</param>
/// <param name="OverlapSeconds">Time inside both a reference and a test episode.</param>
public sealed record EpisodeComparison(
    string RecordName,
    int ReferenceEpisodes,
    int DetectedReferenceEpisodes,
    int TestEpisodes,
    int TruePositiveTestEpisodes,
    double ReferenceSeconds,
    double TestSeconds,
    double OverlapSeconds)
{
    public double? EpisodeSensitivity => Ec57Statistics.Percent(DetectedReferenceEpisodes, ReferenceEpisodes);
    public double? EpisodePositivePredictivity => Ec57Statistics.Percent(TruePositiveTestEpisodes, TestEpisodes);
    public double? DurationSensitivity => Percent(OverlapSeconds, ReferenceSeconds);
    public double? DurationPositivePredictivity => Percent(OverlapSeconds, TestSeconds);

    /// <summary>Test episode time outside reference episodes: false detections, in seconds.</summary>
    public double FalseSeconds => TestSeconds - OverlapSeconds;

    internal static double? Percent(double part, double whole) => whole > 0 ? 100 * part / whole : null;
}
