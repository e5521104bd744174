using System.Text.RegularExpressions;
using Monitoring.Cli.Commands;
using Monitoring.Wfdb;

namespace Monitoring.Cli.Tests;

public sealed partial class AnalyzeCommandTests
{
    [GeneratedRegex(@"^ *(\d+:\d\d\.\d{3}) +(\d+)(?: +(\d+) +(\d+))? +(\d+|--)$")]
    private static partial Regex BeatLine();

    [GeneratedRegex(@"^(\d+) beats in (\d+\.\d) min: mean heart rate (\d+) bpm; (\d+) noise complexes left out; reported after the R wave: median \d+ ms, 99th percentile \d+ ms, max \d+ ms; \d+ found by search-back$")]
    private static partial Regex SummaryLine();

    [Fact]
    public void Prints_every_beat_with_rr_and_heart_rate_then_a_summary()
    {
        string record = SharedData.Record("mitdb", "118");
        var (exitCode, lines) = CommandOutput.Capture(output => AnalyzeCommand.Run(record, 0, output));

        Assert.Equal(0, exitCode);
        Assert.Equal("record 118, lead 0 (MLII), 360 Hz, 1806 s", lines[0]);
        Assert.Equal("    time      sample   RR ms  beat bpm  monitor bpm", lines[1]);

        List<long> expected = RecordAnalysis.Run(WfdbRecordReader.ReadSignals(record)).ClassifiedBeats.Select(b => b.SampleIndex).ToList();
        string[] beatLines = lines[2..^1].Where(line => !line.StartsWith("  ** ") && !line.EndsWith("left out", StringComparison.Ordinal)).ToArray();
        Assert.Equal(expected.Count, beatLines.Length);
        var beats = beatLines.Select(line => BeatLine().Match(line)).ToList();
        Assert.All(beats, (match, i) => Assert.True(match.Success, $"beat line {i}: '{beatLines[i]}'"));
        Assert.Equal(expected, beats.Select(m => long.Parse(m.Groups[2].Value)));

        // The first beat has no RR interval; every later one has RR and HR, with HR = 60000 / RR (rounded).
        Assert.False(beats[0].Groups[3].Success);
        Assert.All(beats.Skip(1), match =>
        {
            double rr = double.Parse(match.Groups[3].Value);
            Assert.InRange(double.Parse(match.Groups[4].Value), 60000 / (rr + 0.5) - 1, 60000 / (rr - 0.5) + 1);
        });

        Match summary = SummaryLine().Match(lines[^1]);
        Assert.True(summary.Success, $"summary line: '{lines[^1]}'");
        Assert.Equal(expected.Count, int.Parse(summary.Groups[1].Value));
        Assert.Equal("30.1", summary.Groups[2].Value);
        Assert.InRange(int.Parse(summary.Groups[3].Value), 60, 90); // 118: 2278 beats in 30 min, about 76 bpm
    }

    [Fact]
    public void Noise_complexes_are_listed_apart_and_left_out_of_the_rate()
    {
        string record = SharedData.Record("nstdb", "118e06");
        var (exitCode, lines) = CommandOutput.Capture(output => AnalyzeCommand.Run(record, 0, output));
        var analysis = RecordAnalysis.Run(WfdbRecordReader.ReadSignals(record));

        Assert.Equal(0, exitCode);
        Assert.True(analysis.NoiseComplexes > 100, $"{analysis.NoiseComplexes} noise complexes");
        Assert.Equal(analysis.NoiseComplexes, lines.Count(line => line.EndsWith("noise complex, left out", StringComparison.Ordinal)));
        Match summary = SummaryLine().Match(lines[^1]);
        Assert.True(summary.Success, $"summary line: '{lines[^1]}'");
        Assert.Equal(analysis.ClassifiedBeats.Count, int.Parse(summary.Groups[1].Value));
        Assert.Equal(analysis.NoiseComplexes, int.Parse(summary.Groups[4].Value));
    }

    [Fact]
    public void Analyses_the_requested_lead()
    {
        var (exitCode, lines) = CommandOutput.Capture(output => AnalyzeCommand.Run(SharedData.Record("svdb", "800"), 1, output));

        Assert.Equal(0, exitCode);
        Assert.Equal("record 800, lead 1 (ECG2), 128 Hz, 1800 s", lines[0]);
        Assert.Matches(SummaryLine(), lines[^1]);
    }
}
