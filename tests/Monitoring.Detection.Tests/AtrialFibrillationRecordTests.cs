using Monitoring.Cli;
using Monitoring.Evaluation;
using Monitoring.Wfdb;

namespace Monitoring.Detection.Tests;

/// <summary>
/// AF episodes of the whole analysis on the shared MIT-BIH records, scored as EC57 / epicmp does (from 5:00). The
/// detector's thresholds were fitted on 201, 203 and the records without AF; 217 (paced, short AF episodes) was not
/// used. Floors are a little below what was measured.
/// </summary>
public class AtrialFibrillationRecordTests
{
    private static readonly Lazy<EpisodeSummary> Mitdb = new(() => Score("mitdb"));

    private static EpisodeSummary Score(string database)
    {
        var records = new List<EpisodeComparison>();
        foreach (string name in SharedData.Records(database))
        {
            string path = SharedData.Record(database, name);
            var analysis = RecordAnalysis.Run(WfdbRecordReader.ReadSignals(path));
            var reference = WfdbAnnotationReader.Read(path + ".atr");
            records.Add(EpisodeComparer.AtrialFibrillation(name, reference, AnalysisAnnotations.From(analysis),
                analysis.SamplingFrequency, analysis.SampleCount));
        }
        return EpisodeSummary.From(records);
    }

    private static EpisodeComparison Record(string name) => Mitdb.Value.Records.Single(r => r.RecordName == name);

    [Theory]
    // 201 measured 92.30 / 89.19 (98.99 / 87.57 before the S rule for irregular rhythms with sinus P waves changed the
    // P-wave template's learning and so dated the last onset 20 s later; 62.25 +P before AF needed absent P waves).
    [InlineData("201", 90, 85)]
    [InlineData("203", 95, 95)]   // measured 97.33 / 98.34
    public void Af_duration_is_found_on_the_af_records(string name, double sensitivityFloor, double positivePredictivityFloor)
    {
        var record = Record(name);

        Assert.True(record.DurationSensitivity >= sensitivityFloor, $"{name}: duration Se {record.DurationSensitivity:F2}");
        Assert.True(record.DurationPositivePredictivity >= positivePredictivityFloor, $"{name}: duration +P {record.DurationPositivePredictivity:F2}");
        Assert.Equal(100, record.EpisodeSensitivity);
    }

    [Fact]
    public void Gross_af_statistics_over_the_shared_records()
    {
        var gross = Mitdb.Value.Totals;

        // Measured: duration Se 85.07, +P 94.99; episode Se 57.14 (217's short paced-AF episodes are missed), +P 84.62.
        Assert.True(gross.DurationSensitivity >= 85, $"gross duration Se {gross.DurationSensitivity:F2}");
        Assert.True(gross.DurationPositivePredictivity >= 93, $"gross duration +P {gross.DurationPositivePredictivity:F2}");
        Assert.True(gross.EpisodePositivePredictivity >= 75, $"gross episode +P {gross.EpisodePositivePredictivity:F2}");
    }

    [Fact]
    public void Records_without_af_spend_well_under_one_percent_of_the_time_in_false_af()
    {
        var withoutAf = Mitdb.Value.Records.Where(r => r.ReferenceEpisodes == 0 && r.ReferenceSeconds == 0).ToList();
        double scoredSeconds = withoutAf.Count * (30 * 60 - 300.0);
        double falseSeconds = withoutAf.Sum(r => r.FalseSeconds);

        // Measured: none.
        Assert.True(withoutAf.Count >= 20, $"{withoutAf.Count} records without AF");
        Assert.True(falseSeconds / scoredSeconds < 0.005, $"false AF {falseSeconds:F0} s of {scoredSeconds:F0} s");
    }
}
