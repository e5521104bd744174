using Monitoring.Detection.Rhythm;
using Xunit.Abstractions;

namespace Monitoring.Detection.Tests;

/// <summary>
/// The VF/VT and asystole targets of issue 3 §6 on the shared vfdb and cudb records, scored on the alarms of the whole
/// analysis by <see cref="AlarmEpisodes"/>.
/// </summary>
public class LethalArrhythmiaAlarmRecordTests(ITestOutputHelper output)
{
    // Floors at what was measured (README): cudb 23 of 23 detected, 22 within 5 s (cu15's coarse waves at ~120/min
    // are called VT after 5.9 s); vfdb 94 of 98 detected, 90 within 5 s (VF 73 / 72 of 76, VT 21 / 18 of 22).
    [Theory]
    [InlineData("cudb", 1.0, 0.95)]
    [InlineData("vfdb", 0.95, 0.91)]
    public void Ventricular_fibrillation_and_tachycardia_episodes_raise_their_alarm_within_5_seconds(
        string database, double minimumDetected, double minimumInTime)
    {
        var scores = Scores(database, AlarmEpisodes.Shockable);

        Assert.True(scores.Count(s => s.Detected) >= minimumDetected * scores.Count, $"{scores.Count(s => s.Detected)} of {scores.Count} detected");
        Assert.True(scores.Count(s => s.InTime) >= minimumInTime * scores.Count, $"{scores.Count(s => s.InTime)} of {scores.Count} within 5 s");
    }

    /// <summary>
    /// Measured (README): 9 episodes, 4 detected, 3 within a second of the 4-s delay (430 at 8:44.6, 12:55.5 and 20:42,
    /// all after a defibrillation shock; the first two since the complexes in the shock's trace no longer count, see
    /// <see cref="Detection.Quality.ShockArtifactDetector"/>). Not the target: 424 at 22:50.5 after 7.85 s (a double step and
    /// its recovery read as an ECG artifact: a whole delay must pass after it); 424 at 25:37.4 (CPR-like artifact
    /// read as complexes) and 26:28.3 (mostly artifact) are not declared, nor are three standstills of 1.2-4.4 s
    /// (430 at 11:16.7 and 18:13.1 hold complexes found more than 1.5 s after their shock).
    /// </summary>
    [Fact]
    public void Asystole_episodes_raise_their_alarm_within_a_second_of_the_delay()
    {
        var scores = Scores("vfdb", AlarmEpisodes.Asystole);
        // A standstill shorter than the delay can never be declared in it.
        double delay = RhythmAlarmSettings.Default.AsystoleDelaySeconds;
        var declarable = scores.Where(s => s.DurationSeconds >= delay).ToList();
        output.WriteLine($"episodes lasting at least the {delay:F0}-s delay: {declarable.Count}, declared in time {declarable.Count(s => s.InTime)}");

        Assert.True(scores.Count(s => s.Detected) >= 4, $"{scores.Count(s => s.Detected)} of {scores.Count} detected");
        Assert.True(scores.Count(s => s.InTime) >= 3, $"{scores.Count(s => s.InTime)} of {scores.Count} in time");
        Assert.All(scores.Where(s => s.Detected), s => Assert.InRange(s.DelaySeconds!.Value, RhythmAlarmSettings.Default.AsystoleDelaySeconds - 1, 10));
    }

    private List<AlarmEpisodes.EpisodeScore> Scores(string database, Func<string, string, int, List<AlarmEpisodes.EpisodeScore>> score)
    {
        var scores = new List<AlarmEpisodes.EpisodeScore>();
        foreach (string record in SharedData.Records(database))
        {
            foreach (var episode in score(database, record, 0))
            {
                if (!episode.InTime)
                    output.WriteLine($"{database}/{record} {episode.Kind} at {TimeSpan.FromSeconds(episode.OnsetSeconds):mm\\:ss\\.f} ({episode.DurationSeconds:F1} s): {(episode.Detected ? $"{episode.DeclaredAs} after {episode.DelaySeconds:F2} s" : "not declared")}");
                scores.Add(episode);
            }
        }
        output.WriteLine(AlarmEpisodes.Table([(database, scores)]));
        return scores;
    }
}
