using System.Diagnostics;
using Monitoring.Wfdb;

namespace Monitoring.Cli.Tests;

/// <summary>
/// Runs the real program (<c>dotnet monitoring.dll ...</c>, copied next to the tests by the project reference) as a child
/// process: command-line parsing, option defaults and exit codes as a user sees them.
/// </summary>
public sealed class EntryPointTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static (int ExitCode, string Output, string Error) Monitoring(params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "monitoring.dll");
        Assert.True(File.Exists(dll), $"{dll} not found");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (string arg in args) start.ArgumentList.Add(arg);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"monitoring {string.Join(' ', args)} did not finish within {Timeout}");
        }
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }

    [Fact]
    public void Annotate_with_default_extension_then_evaluate()
    {
        string directory = _temp.File("out") + Path.DirectorySeparatorChar;
        var annotate = Monitoring("annotate", SharedData.Record("mitdb", "101"), SharedData.Record("mitdb", "118"), "--out", directory);

        Assert.True(annotate.ExitCode == 0, annotate.Error);
        string[] log = CommandOutput.Lines(annotate.Output);
        Assert.Equal(2, log.Length);
        Assert.StartsWith("101: ", log[0]);
        Assert.StartsWith("118: ", log[1]);
        Assert.Contains(WfdbAnnotationReader.Read(Path.Combine(directory, "118.test")), a => a.Code == AnnotationCode.Normal);

        var evaluate = Monitoring("evaluate", "--ref", SharedData.Mitdb, "--test", directory, "--ext", "test", "--from", "0");

        Assert.True(evaluate.ExitCode == 0, evaluate.Error);
        string[] table = CommandOutput.Lines(evaluate.Output);
        Assert.StartsWith("EC57 beat-by-beat comparison, scored from 0 s", table[0]);
        Assert.Contains(table, line => line.StartsWith("Gross", StringComparison.Ordinal));
        Assert.Contains(table, line => line.StartsWith("Average", StringComparison.Ordinal));
        Assert.Contains("Summary of results from 2 records", table);
    }

    [Fact]
    public void Annotate_takes_the_paced_option()
    {
        string csv = _temp.File("104.csv");
        var annotate = Monitoring("annotate", SharedData.Record("mitdb", "104"), "--out", csv, "--paced");

        Assert.True(annotate.ExitCode == 0, annotate.Error);
        Assert.True(File.ReadLines(csv).Count(line => line.EndsWith(",/", StringComparison.Ordinal)) > 1000, "paced beats labelled /");
    }

    [Fact]
    public void Annotate_one_record_to_csv()
    {
        string csv = _temp.File("208.csv");
        var annotate = Monitoring("annotate", SharedData.Record("mitdb", "208"), "--out", csv);

        Assert.True(annotate.ExitCode == 0, annotate.Error);
        Assert.Equal("sample,label", File.ReadLines(csv).First());
        int beats = int.Parse(CommandOutput.Fields(annotate.Output)[1]);
        Assert.Equal(beats, File.ReadLines(csv).Skip(1).Count(line => line.Split(',')[1] is "N" or "A" or "V" or "F" or "Q"));
    }

    [Fact]
    public void A_missing_required_option_fails_with_a_message()
    {
        var result = Monitoring("evaluate", "--test", _temp.Path);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--ref", result.Error);
    }

    [Fact]
    public void A_missing_record_fails_with_one_line_naming_the_file()
    {
        var result = Monitoring("annotate", Path.Combine(_temp.Path, "nowhere", "101"), "--out", _temp.File("101.test"));

        Assert.Equal(2, result.ExitCode);
        string[] lines = CommandOutput.Lines(result.Error);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0]);
        Assert.Contains("101.hea", lines[0]);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void A_truncated_signal_file_fails_with_one_line_naming_the_file()
    {
        foreach (string extension in new[] { ".hea", ".atr" })
            File.Copy(SharedData.Record("mitdb", "101") + extension, _temp.File("101" + extension));
        byte[] signal = File.ReadAllBytes(SharedData.Record("mitdb", "101") + ".dat");
        File.WriteAllBytes(_temp.File("101.dat"), signal[..(signal.Length / 2)]);

        var result = Monitoring("analyze", _temp.File("101"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Error);
        Assert.Contains("101.dat", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }
}
