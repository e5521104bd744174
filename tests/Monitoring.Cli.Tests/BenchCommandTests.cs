using System.Text.RegularExpressions;
using Monitoring.Cli.Commands;

namespace Monitoring.Cli.Tests;

public sealed class BenchCommandTests
{
    [Fact]
    public void Reports_throughput_without_allocation()
    {
        var (exitCode, lines) = CommandOutput.Capture(output => BenchCommand.Run(SharedData.Record("mitdb", "208"), 1, output));

        Assert.Equal(0, exitCode);
        Assert.Equal(4, lines.Length);
        Assert.Matches(@"^record=208 fs=360 samples=\d+ beats=\d+ ventricular=\d+ rhythm-events=\d+ elapsed=\d+\.\d\ds$", lines[0]);
        Assert.Matches(@"^real-time channels per core at 360 Hz: \d+$", lines[1]);
        Assert.Matches(@"^samples per CPU second=\d+ \(cpu=\d+\.\d\ds\)$", lines[2]);
        // The detector allocates nothing per sample: this must read exactly 0.
        Assert.Matches(@"^samples/s=\d+ bytes/sample=0$", lines[^1]);
        long samplesPerSecond = long.Parse(Regex.Match(lines[^1], @"samples/s=(\d+)").Groups[1].Value);
        Assert.True(samplesPerSecond > 360 * 100, $"{samplesPerSecond} samples/s is fewer than 100 real-time channels");
    }
}
