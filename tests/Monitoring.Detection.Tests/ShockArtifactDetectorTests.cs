using Monitoring.Detection.Qrs;
using Monitoring.Detection.Quality;
using Monitoring.Wfdb;

namespace Monitoring.Detection.Tests;

/// <summary>
/// <see cref="ShockArtifactDetector"/> on synthetic shocks and lookalikes, and on the shared records: the five shocks
/// of vfdb 430 and none in the ordinary ECG of mitdb, svdb and nstdb but for one clipped excursion.
/// </summary>
public class ShockArtifactDetectorTests
{
    private const double Gain = 200, StepTime = 6.0;

    [Theory]
    [InlineData(128)]
    [InlineData(250)]
    [InlineData(360)]
    [InlineData(1000)]
    public void A_step_out_of_fibrillation_that_recovers_quietly_is_a_shock_known_one_and_a_half_seconds_later(int fs)
    {
        short[] samples = Render(fs, 12, t => Fibrillation(t) + Shock(t));

        var shocks = Shocks(samples, fs);

        var (start, end, foundAt) = Assert.Single(shocks);
        Assert.InRange(start / (double)fs, StepTime - 0.2, StepTime);
        Assert.InRange(end / (double)fs, StepTime + ShockArtifactDetector.QuietSeconds - 0.05, StepTime + ShockArtifactDetector.QuietSeconds + 0.1);
        Assert.InRange(foundAt / (double)fs, StepTime + ShockArtifactDetector.QuietSeconds, StepTime + ShockArtifactDetector.QuietSeconds + 0.3);
    }

    [Fact]
    public void A_step_with_beats_going_on_after_it_is_not_a_shock()
    {
        // A lead that shifts and stays shifted while the heart beats on: the beats on the new baseline are QRS.
        const int fs = 250;
        short[] ecg = new SyntheticEcg { RAmplitudeMv = 1.2 }.Render(SyntheticEcg.RegularBeats(75, 12), fs, 12, Gain);
        short[] samples = Render(fs, 12, t => Shock(t));
        for (int i = 0; i < samples.Length; i++) samples[i] += (short)(ecg[i] - 1024);

        Assert.Empty(Shocks(samples, fs));
    }

    [Fact]
    public void Tall_complexes_with_deep_t_waves_are_not_shocks()
    {
        const int fs = 360;
        short[] samples = new SyntheticEcg { RAmplitudeMv = 3.0, TAmplitudeMv = -1.2, TWidthSeconds = 0.08 }
            .Render(SyntheticEcg.RegularBeats(50, 60), fs, 60, Gain);

        Assert.Empty(Shocks(samples, fs));
    }

    [Fact]
    public void Finds_the_five_shocks_of_vfdb_430_and_none_in_the_ordinary_ecg_of_mitdb_svdb_and_nstdb_but_one_clipped_excursion()
    {
        // The steps, by eye and by a scan of the record: 7:52.3, 8:44.8, 11:16.8, 12:55.7 and 18:13.4.
        double[] steps = [472.3, 524.8, 676.8, 775.7, 1093.4];
        var found = RecordShocks("vfdb", "430");
        Assert.Equal(steps.Length, found.Count);
        Assert.All(steps.Zip(found), shock => Assert.InRange(shock.Second, shock.First - 0.25, shock.First));

        // svdb 859 at 15:55.5: the trace jumps 3 mV onto the ADC's limit and rests there for 1.5 s, as still as a
        // shock's recovery (the QRS hidden by the clipping, which the quality monitor reports as saturation).
        var clipped = (Database: "svdb", Record: "859", Seconds: 955.5);
        foreach (string database in new[] { "mitdb", "svdb", "nstdb" })
        {
            foreach (string record in SharedData.Records(database))
            {
                foreach (double shock in RecordShocks(database, record))
                {
                    Assert.True((database, record) == (clipped.Database, clipped.Record) && Math.Abs(shock - clipped.Seconds) < 0.3,
                        $"a shock found in {database}/{record} at {shock:F1} s");
                }
            }
        }
    }

    /// <summary>The trace starts (seconds) of the shocks found in a record's first lead.</summary>
    private static List<double> RecordShocks(string database, string record)
    {
        WfdbSignals signals = WfdbRecordReader.ReadSignals(SharedData.Record(database, record));
        int fs = (int)Math.Round(signals.Header.SamplingFrequency);
        double gain = signals.GetGain(0);
        return [.. Shocks(signals.GetSignal(0), fs, gain).Select(s => s.Start / (double)fs)];
    }

    private static List<(long Start, long End, long FoundAt)> Shocks(short[] samples, int fs, double gain = Gain)
    {
        var detector = new ShockArtifactDetector(new QrsDetectorSettings(fs, gain));
        var shocks = new List<(long, long, long)>();
        int chunk = fs / 4;
        for (int offset = 0; offset < samples.Length; offset += chunk)
        {
            detector.Process(samples.AsSpan(offset, Math.Min(chunk, samples.Length - offset)));
            if (detector.TryTakeShock(out long start, out long end)) shocks.Add((start, end, detector.SamplesProcessed));
        }
        return shocks;
    }

    /// <summary>Coarse fibrillation: 0.4 mV waves at 5 Hz whose amplitude wanders, until the shock.</summary>
    private static double Fibrillation(double t) =>
        t < StepTime ? 0.4 * (1 + 0.3 * Math.Sin(2 * Math.PI * 0.7 * t)) * Math.Sin(2 * Math.PI * 5 * t) : 0;

    /// <summary>The discharge: the baseline falls by 1.5 mV within 10 ms and the amplifier recovers with a 3-s time constant.</summary>
    private static double Shock(double t) => t < StepTime ? 0 : -1.5 * Math.Min(1, (t - StepTime) / 0.010) * Math.Exp(-(t - StepTime) / 3);

    private static short[] Render(int fs, double seconds, Func<double, double> millivolts)
    {
        var random = new Random(7);
        var samples = new short[(int)(seconds * fs)];
        for (int i = 0; i < samples.Length; i++)
        {
            double noise = 0.01 * (random.NextDouble() - 0.5);
            samples[i] = (short)Math.Round(1024 + (millivolts(i / (double)fs) + noise) * Gain);
        }
        return samples;
    }
}
