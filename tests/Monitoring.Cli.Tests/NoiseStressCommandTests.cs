using Monitoring.Cli.Commands;
using Monitoring.Evaluation;

namespace Monitoring.Cli.Tests;

/// <summary>
/// The noise stress test on a record nstdb does not hold here: mitdb 119 (ventricular bigeminy and trigeminy) with
/// electrode-motion noise added as nstdb adds it. A check that the noise handling, built on 118, carries over.
/// </summary>
public class NoiseStressCommandTests
{
    [Fact]
    public void Prints_a_table_per_signal_to_noise_ratio()
    {
        var (exitCode, lines) = CommandOutput.Capture(output => NoiseStressCommand.Run(
            [SharedData.Record("mitdb", "118")], SharedData.Record("nstdb", "em"), [12, 6], 0, output));

        Assert.Equal(0, exitCode);
        Assert.Equal(["em noise at 12 dB SNR", "em noise at 6 dB SNR"], lines.Where(l => l.StartsWith("em noise", StringComparison.Ordinal)));
        Assert.Equal(2, lines.Count(l => l.StartsWith("Gross", StringComparison.Ordinal)));
    }

    /// <summary>
    /// Measured on 119: 99.46 / 97.01 at 12 dB, 98.13 / 82.07 at 6 dB (before the regular search-back interval and the
    /// dominant-beat rhythm in the noise-complex rule: 99.40 / 91.52 and 98.74 / 77.58). The goal, Se of 99 %
    /// at 12 dB, holds; +P of 90 % at 6 dB does not on 119 (the floor records where it stands).
    /// </summary>
    [Fact]
    public void Record_119_with_electrode_motion_noise_keeps_sensitivity_at_12_db()
    {
        var signals = Wfdb.WfdbRecordReader.ReadSignals(SharedData.Record("mitdb", "119"));
        var reference = Wfdb.WfdbAnnotationReader.Read(SharedData.Record("mitdb", "119") + ".atr");
        short[] noise = Wfdb.WfdbRecordReader.ReadSignals(SharedData.Record("nstdb", "em")).GetSignal(0);

        RecordComparison at12 = NoiseStressCommand.Score(signals, reference, noise, 12);
        RecordComparison at6 = NoiseStressCommand.Score(signals, reference, noise, 6);

        Assert.True(at12.QrsSensitivity >= 99.0, $"12 dB Se {at12.QrsSensitivity:F2}");
        Assert.True(at12.QrsPositivePredictivity >= 96.0, $"12 dB +P {at12.QrsPositivePredictivity:F2}");
        Assert.True(at6.QrsPositivePredictivity >= 81.0, $"6 dB +P {at6.QrsPositivePredictivity:F2}");
        Assert.True(at6.QrsSensitivity >= 97.5, $"6 dB Se {at6.QrsSensitivity:F2}");
    }
}
