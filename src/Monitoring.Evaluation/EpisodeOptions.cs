namespace Monitoring.Evaluation;

/// <summary>Options of the episode comparison (epicmp -f, -t, -i).</summary>
/// <param name="FromSeconds">Start of the scored period; EC57/epicmp default 5 minutes. Episodes are clipped to it.</param>
/// <param name="ToSeconds">End of the scored period, or null for the end of the record.</param>
/// <param name="MinimumEpisodeSeconds">
/// Episodes shorter than this (after clipping) are left out of the episode counts, but still count for duration
/// statistics (epicmp -i). 0 keeps every episode.
/// </param>
public sealed record EpisodeOptions(double FromSeconds = 300, double? ToSeconds = null, double MinimumEpisodeSeconds = 0)
{
    public static EpisodeOptions Standard { get; } = new();
}
