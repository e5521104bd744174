using System.Globalization;
using Monitoring.Cli.Commands;

namespace Monitoring.Cli.Tests;

/// <summary>Annotates three clean MIT-BIH records once into a temporary directory, shared by the evaluate tests.</summary>
public sealed class AnnotatedCleanRecords : IDisposable
{
    public static readonly string[] Names = ["101", "112", "118"];

    private readonly TempDirectory _temp = new();

    public AnnotatedCleanRecords()
    {
        int exitCode = AnnotateCommand.Run(Names.Select(n => SharedData.Record("mitdb", n)).ToList(), Directory, "test", 0, TextWriter.Null);
        if (exitCode != 0) throw new InvalidOperationException($"annotate returned {exitCode}");
    }

    public string Directory => _temp.File("test");

    public void Dispose() => _temp.Dispose();
}

public sealed class EvaluateCommandTests(AnnotatedCleanRecords annotated) : IClassFixture<AnnotatedCleanRecords>
{
    private const string TableHeader =
        "Record      TP     FN     FP  QRS Se  QRS +P  VEB Se  VEB +P SVEB Se SVEB +P Shutdown";

    private (int ExitCode, string[] Lines) Evaluate(double from, IReadOnlyList<string>? records = null) =>
        CommandOutput.Capture(output => EvaluateCommand.Run(SharedData.Mitdb, annotated.Directory, "test", records, from, output));

    /// <summary>The record's line in the beat-by-beat table (the first table; the run table lists the record again).</summary>
    private static string[] Row(string[] lines, string name) =>
        CommandOutput.Fields(lines.TakeWhile(line => line.Length > 0).Single(line => CommandOutput.Fields(line) is [var first, ..] && first == name));

    private static double Percent(string field) => double.Parse(field, CultureInfo.InvariantCulture);

    [Fact]
    public void Scores_each_record_and_prints_gross_and_average_lines_from_five_minutes()
    {
        var (exitCode, lines) = Evaluate(300);

        Assert.Equal(0, exitCode);
        Assert.Equal("EC57 beat-by-beat comparison, scored from 300 s, match window 150 ms", lines[0]);
        Assert.Equal(TableHeader, lines[1]);
        Assert.Contains("Summary of results from 3 records", lines);

        foreach (string name in AnnotatedCleanRecords.Names)
        {
            // Record TP FN FP Se +P ...: clean records are detected almost perfectly.
            string[] row = Row(lines, name);
            Assert.True(row.Length >= 6, $"row for {name}: {string.Join(' ', row)}");
            Assert.True(long.Parse(row[1]) > 1000, $"{name}: TP {row[1]}");
            Assert.True(Percent(row[4]) > 99, $"{name}: QRS Se {row[4]}");
            Assert.True(Percent(row[5]) > 99, $"{name}: QRS +P {row[5]}");
        }

        foreach (string line in new[] { "Gross", "Average" })
        {
            // Gross/Average: QRS Se, QRS +P, then VEB and SVEB figures.
            string[] row = Row(lines, line);
            Assert.Equal(7, row.Length);
            Assert.True(Percent(row[1]) > 99, $"{line} QRS Se {row[1]}");
            Assert.True(Percent(row[2]) > 99, $"{line} QRS +P {row[2]}");
        }

        string[] sum = Row(lines, "Sum");
        long tp = long.Parse(sum[1]);
        Assert.Equal(AnnotatedCleanRecords.Names.Sum(n => long.Parse(Row(lines, n)[1])), tp);
    }

    [Fact]
    public void From_zero_scores_the_whole_record()
    {
        var (exitCode, fromZero) = Evaluate(0);
        var (_, fromFive) = Evaluate(300);

        Assert.Equal(0, exitCode);
        Assert.Equal("EC57 beat-by-beat comparison, scored from 0 s, match window 150 ms", fromZero[0]);
        string[] gross = Row(fromZero, "Gross");
        Assert.True(Percent(gross[1]) > 99, $"Gross QRS Se from 0: {gross[1]}");
        Assert.True(Percent(gross[2]) > 99, $"Gross QRS +P from 0: {gross[2]}");

        // The first five minutes add about a sixth of each record's beats.
        foreach (string name in AnnotatedCleanRecords.Names)
        {
            long all = long.Parse(Row(fromZero, name)[1]) + long.Parse(Row(fromZero, name)[2]);
            long scored = long.Parse(Row(fromFive, name)[1]) + long.Parse(Row(fromFive, name)[2]);
            Assert.InRange(all / (double)scored, 1.1, 1.3);
        }
    }

    [Fact]
    public void Records_option_limits_the_table()
    {
        var (exitCode, lines) = Evaluate(300, ["118", "101"]);

        Assert.Equal(0, exitCode);
        string[] recordLines = lines.Skip(2).TakeWhile(line => !line.StartsWith('_')).ToArray();
        Assert.Equal(["118", "101"], recordLines.Select(line => CommandOutput.Fields(line)[0]));
        Assert.Contains("Summary of results from 2 records", lines);
    }

    [Fact]
    public void Clean_records_without_af_or_vf_marks_print_no_episode_tables()
    {
        var (_, lines) = Evaluate(300);

        Assert.DoesNotContain(lines, line => line.Contains("episodes", StringComparison.Ordinal));
    }

    [Fact]
    public void Af_marks_in_the_test_annotations_add_the_af_episode_table()
    {
        using var temp = new TempDirectory();
        Assert.Equal(0, AnnotateCommand.Run([SharedData.Record("mitdb", "201")], temp.Path, "test", 0, TextWriter.Null));

        var (exitCode, lines) = CommandOutput.Capture(output => EvaluateCommand.Run(SharedData.Mitdb, temp.Path, "test", null, 300, output));

        Assert.Equal(0, exitCode);
        int title = Array.IndexOf(lines, "Atrial fibrillation episodes (EC57 episode-by-episode comparison), scored from 300 s");
        Assert.True(title > 0, string.Join('\n', lines));
        Assert.StartsWith("Record  Ref  Det Test   TP  Ep Se  Ep +P", lines[title + 1]);
        // 201: three reference AF episodes after 5:00, all detected; duration Se measured 92.30 (the last onset is dated late, see the Detection floors).
        string[] row = CommandOutput.Fields(lines[title + 2]);
        Assert.Equal(["201", "3", "3"], row[..3]);
        Assert.True(Percent(row[10]) > 90, $"duration Se {row[10]}");
        Assert.DoesNotContain(lines, line => line.StartsWith("Ventricular", StringComparison.Ordinal));
    }

    [Fact]
    public void An_extension_without_files_is_an_error()
    {
        var (exitCode, lines) = CommandOutput.Capture(output =>
            EvaluateCommand.Run(SharedData.Mitdb, annotated.Directory, "none", null, 300, output));

        Assert.Equal(1, exitCode);
        Assert.Equal($"No '*.none' annotation files in {annotated.Directory}.", Assert.Single(lines));
    }
}
