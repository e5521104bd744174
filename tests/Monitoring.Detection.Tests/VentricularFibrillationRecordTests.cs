using Monitoring.Cli;
using Monitoring.Detection.Fibrillation;
using Monitoring.Detection.Rhythm;
using Monitoring.Wfdb;
using Xunit.Abstractions;

namespace Monitoring.Detection.Tests;

/// <summary><see cref="VentricularFibrillationDetector"/> on the shared records, scored by <see cref="VfEpisodes"/>.</summary>
public class VentricularFibrillationRecordTests(ITestOutputHelper output)
{
    private static IReadOnlyList<VfEpisodes.RecordScore> ScoreAll(string database) =>
        SharedData.Records(database).Select(record => VfEpisodes.Score(database, record)).ToList();

    /// <summary>Prints the per-record scores and the per-database table (nstdb per noise level) and holds false VF to its floors.</summary>
    [Theory]
    [InlineData("cudb", 300)]      // measured 244 s, mostly wide-complex rhythms before the arrest
    [InlineData("vfdb", 330)]      // measured 273 s, 137 s of it in record 424
    [InlineData("nstdb", 20)]      // measured 6 s, all in the pure electrode-motion record em
    public void False_fibrillation_time_stays_below_its_floor(string database, double maximumFalseSeconds)
    {
        var scores = ScoreAll(database);
        foreach (var score in scores)
            output.WriteLine($"{score.Database}/{score.Record}: episodes {score.Episodes} detected {score.Detected} in time {score.DetectedInTime} delays [{string.Join(" ", score.OnsetDelaysSeconds.Select(d => d.ToString("F0")))}] false {score.FalseSeconds:F0} s ({score.FalseSecondsInNoise:F0} in noise) false episodes {score.FalseEpisodes}");
        var groups = database == "nstdb"
            ? scores.Select(s => (s.Record, (IReadOnlyList<VfEpisodes.RecordScore>)[s])).ToList()
            : [(database, scores)];
        output.WriteLine(VfEpisodes.Table(groups));
        Assert.True(scores.Sum(s => s.FalseSeconds) <= maximumFalseSeconds, $"{scores.Sum(s => s.FalseSeconds):F0} s of false VF");
    }

    [Fact]
    public void The_whole_analysis_reports_fibrillation_and_no_asystole_while_it_lasts()
    {
        var analysis = RecordAnalysis.Run(WfdbRecordReader.ReadSignals(SharedData.Record("vfdb", "430")));
        var events = analysis.RhythmEvents;

        var onsets = events.Where(e => e.Condition == RhythmCondition.VentricularFibrillation && e.Onset).ToList();
        Assert.NotEmpty(onsets);
        bool fibrillating = false;
        foreach (var e in events.OrderBy(e => e.SampleIndex))
        {
            if (e.Condition == RhythmCondition.VentricularFibrillation) fibrillating = e.Onset;
            else if (e.Onset && e.Condition is RhythmCondition.Asystole or RhythmCondition.Pause)
                Assert.False(fibrillating, $"{e.Condition} at {e.SampleIndex} during fibrillation");
        }
    }

    // Floors a little below what was measured (see README): cudb 22/23 detected, all 22 within 5 s; vfdb 73/76, 72
    // within 5 s; mitdb 207 6/6; no false VF on nstdb 118 at 6 dB or better; 3 s of false VF in 13 h of mitdb.

    [Theory]
    [InlineData("cudb", 0.95, 0.95)]
    [InlineData("vfdb", 0.94, 0.93)]
    public void Fibrillation_and_flutter_episodes_are_declared_within_5_seconds(string database, double minimumDetected, double minimumInTime)
    {
        var scores = ScoreAll(database);
        int episodes = scores.Sum(s => s.Episodes);
        output.WriteLine(VfEpisodes.Table([(database, scores)]));
        Assert.True(scores.Sum(s => s.Detected) >= minimumDetected * episodes);
        Assert.True(scores.Sum(s => s.DetectedInTime) >= minimumInTime * episodes);
    }

    [Fact]
    public void Mitdb_flutter_is_detected_and_false_fibrillation_stays_rare()
    {
        var scores = ScoreAll("mitdb");
        output.WriteLine(VfEpisodes.Table([("mitdb", scores)]));
        var flutter = Assert.Single(scores, s => s.Episodes > 0);
        Assert.Equal("207", flutter.Record);
        Assert.Equal(flutter.Episodes, flutter.DetectedInTime);
        Assert.True(scores.Sum(s => s.FalseSeconds) <= 30, $"{scores.Sum(s => s.FalseSeconds):F0} s of false VF");
        Assert.True(scores.Sum(s => s.FalseEpisodes) <= 3);
    }

    [Theory]
    [InlineData("118e24")]
    [InlineData("118e18")]
    [InlineData("118e12")]
    [InlineData("118e06")]
    public void Noise_stress_at_6_dB_or_better_raises_no_fibrillation(string record)
    {
        var score = VfEpisodes.Score("nstdb", record);
        Assert.Equal(0, score.FalseEpisodes);
        Assert.Equal(0, score.FalseSeconds);
    }
}
