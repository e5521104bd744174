using Monitoring.Detection.Fibrillation;
using Xunit.Abstractions;

namespace Monitoring.Detection.Tests;

/// <summary><see cref="VentricularFibrillationDetector"/> on the shared records, scored by <see cref="VfEpisodes"/>.</summary>
public class VentricularFibrillationRecordTests(ITestOutputHelper output)
{
    private static IReadOnlyList<VfEpisodes.RecordScore> ScoreAll(string database) =>
        SharedData.Records(database).Select(record => VfEpisodes.Score(database, record)).ToList();

    [Fact]
    public void Report()
    {
        var groups = new List<(string, IReadOnlyList<VfEpisodes.RecordScore>)>();
        foreach (string database in new[] { "cudb", "vfdb", "mitdb", "nstdb" })
        {
            var scores = ScoreAll(database);
            groups.Add((database, scores));
            foreach (var score in scores) output.WriteLine($"{score.Database}/{score.Record}: episodes {score.Episodes} detected {score.Detected} in time {score.DetectedInTime} delays [{string.Join(" ", score.OnsetDelaysSeconds.Select(d => d.ToString("F0")))}] false {score.FalseSeconds:F0} s ({score.FalseSecondsInNoise:F0} in noise) false episodes {score.FalseEpisodes}");
        }
        output.WriteLine(VfEpisodes.Table(groups));
    }
}
