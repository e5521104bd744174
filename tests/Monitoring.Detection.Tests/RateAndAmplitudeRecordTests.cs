using Monitoring.Cli;
using Monitoring.Evaluation;
using Monitoring.Wfdb;

namespace Monitoring.Detection.Tests;

/// <summary>
/// The whole analysis on the 22 non-paced shared MIT-BIH records as other devices and patients would give them:
/// resampled from 360 Hz to the rates devices stream at (100 Hz for the slowest patches, 128 and 250 Hz, 500 and
/// 1000 Hz for 12-lead units; reference beats moved to the new timeline), and scaled to other amplitudes or inverted
/// (small complexes, a reversed lead). Scored with EC57, gross, from 5:00. Nothing was fitted to these variations:
/// this checks that detection and classification carry over.
/// </summary>
public class RateAndAmplitudeRecordTests
{
    /// <summary>
    /// Measured (QRS, VEB, SVEB Se / +P; 360 Hz itself: 99.80 / 99.87, 95.27 / 92.62, 81.10 / 74.67):
    /// 100 Hz 99.81 / 99.86, 96.05 / 91.71, 81.88 / 74.85; 128 Hz 99.80 / 99.88, 95.05 / 92.74, 81.99 / 72.29;
    /// 250 Hz 99.80 / 99.86, 95.24 / 91.59, 81.10 / 73.16; 500 Hz 99.79 / 99.87, 95.58 / 92.00, 80.98 / 75.65;
    /// 1000 Hz 99.78 / 99.87, 94.46 / 91.97, 81.10 / 74.36. Before shapes were interpolated to at least 180 Hz on slow
    /// streams, 100 Hz gave VEB 90.88 / 84.89 and 128 Hz 94.65 / 90.21; before the sinus rate-change rule a resampling
    /// to 257 Hz called 558 bundle-branch-block beats of 207 S (SVEB +P 46.5, now 72.3). The F rule took VEB Se 0.03-0.18
    /// lower at every rate (1000 Hz 94.28, 128 Hz 94.93).
    /// </summary>
    [Theory]
    [InlineData(100)]
    [InlineData(128)]
    [InlineData(250)]
    [InlineData(500)]
    [InlineData(1000)]
    public void Qrs_detection_and_beat_classes_hold_at_other_sampling_rates(int rate) =>
        AssertHolds(Score(rate, samples => samples));

    /// <summary>
    /// Measured (QRS, VEB, SVEB Se / +P): a quarter of the amplitude 99.70 / 99.90, 95.58 / 93.01, 81.66 / 74.34 (SVEB
    /// +P was 31.78: 1,342 beats of 207 called S, see <see cref="Classification.SinusRateChange"/>); half 99.78 / 99.87,
    /// 95.12 / 92.19, 80.87 / 74.31; four times and inverted the same as the record itself.
    /// </summary>
    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(4.0)]
    [InlineData(-1.0)]
    public void Qrs_detection_and_beat_classes_hold_at_other_amplitudes_and_inverted(double factor) =>
        AssertHolds(Score(360, samples => [.. samples.Select(v => (short)Math.Clamp(Math.Round(v * factor), short.MinValue, short.MaxValue))]));

    /// <summary>
    /// Mains hum added to every record, analysed with the notch for that mains frequency (<see cref="Filters.MainsNotchFilter"/>).
    /// Measured (QRS, VEB, SVEB Se / +P): 0.3 mV at 50 Hz 99.79 / 99.87, 94.93 / 92.15, 80.98 / 75.10; 0.3 mV at 60 Hz
    /// 99.80 / 99.87, 94.93 / 92.26, 80.87 / 75.55; 1 mV at 50 Hz 99.80 / 99.88, 95.12 / 92.08, 80.98 / 75.10. Without the
    /// notch 0.3 mV at 60 Hz gave VEB 92.75 / 67.41 and SVEB 71.92 / 71.68, and 0.3 mV at 50 Hz hid 207's flutter from the
    /// VF detector.
    /// </summary>
    [Theory]
    [InlineData(50, 0.3)]
    [InlineData(60, 0.3)]
    [InlineData(50, 1.0)]
    public void Qrs_detection_and_beat_classes_hold_through_mains_hum_with_the_notch(double mainsHz, double millivolts) =>
        AssertHolds(Score(360, samples => [.. samples.Select((v, i) =>
            (short)Math.Clamp(Math.Round(v + millivolts * MitdbGain * Math.Sin(2 * Math.PI * mainsHz * i / 360.0)), short.MinValue, short.MaxValue))],
            mainsHz), vebSensitivityFloor: 94.5);

    private const double MitdbGain = 200;

    /// <summary>
    /// The ventricular flutter of 207 through 0.3 mV of 50 Hz hum: with the notch, fibrillation/flutter is declared as on
    /// the clean record (9 onsets); without it none was, the hum reading as rough, noise-like activity.
    /// </summary>
    [Fact]
    public void Flutter_is_declared_through_mains_hum_with_the_notch()
    {
        WfdbSignals signals = WfdbRecordReader.ReadSignals(SharedData.Record("mitdb", "207"));
        short[] samples = [.. signals.GetSignal(0).Select((v, i) => (short)Math.Round(v + 0.3 * MitdbGain * Math.Sin(2 * Math.PI * 50 * i / 360.0)))];

        var analysis = RecordAnalysis.Run("207", samples, 360, signals.GetGain(0), mainsFrequencyHz: 50);

        int onsets = analysis.RhythmEvents.Count(e => e.Onset && e.Condition == Rhythm.RhythmCondition.VentricularFibrillation);
        Assert.True(onsets >= 6, $"{onsets} fibrillation/flutter onsets");
    }

    private static Ec57Statistics Score(int rate, Func<short[], short[]> transform, double mainsFrequencyHz = 0)
    {
        var comparisons = new List<RecordComparison>();
        foreach (string name in SharedData.Records("mitdb").Where(name => !Ec57.PacedMitdbRecords.Contains(name)))
        {
            string path = SharedData.Record("mitdb", name);
            WfdbSignals signals = WfdbRecordReader.ReadSignals(path);
            double scale = rate / signals.Header.SamplingFrequency;
            short[] samples = transform(scale == 1 ? signals.GetSignal(0) : Resample(signals.GetSignal(0), scale));

            var reference = WfdbAnnotationReader.Read(path + ".atr")
                .Select(a => a with { Sample = (long)Math.Round(a.Sample * scale) }).ToList();
            var test = AnalysisAnnotations.Beats(RecordAnalysis.Run(name, samples, rate, signals.GetGain(0), mainsFrequencyHz: mainsFrequencyHz));
            comparisons.Add(Ec57Comparer.Compare(name, reference, test, rate, Ec57Options.Standard));
        }
        return Ec57Summary.From(comparisons, Ec57.PacedMitdbRecords).Gross;
    }

    private static void AssertHolds(Ec57Statistics gross, double vebSensitivityFloor = 94)
    {
        Assert.True(gross.QrsSensitivity >= 99.6 && gross.QrsPositivePredictivity >= 99.6, $"QRS {gross.QrsSensitivity:F2} / {gross.QrsPositivePredictivity:F2}");
        Assert.True(gross.VebSensitivity >= vebSensitivityFloor && gross.VebPositivePredictivity >= 91, $"VEB {gross.VebSensitivity:F2} / {gross.VebPositivePredictivity:F2}");
        Assert.True(gross.SvebSensitivity >= 80.5 && gross.SvebPositivePredictivity >= 71.5, $"SVEB {gross.SvebSensitivity:F2} / {gross.SvebPositivePredictivity:F2}");
    }

    /// <summary>Linear interpolation onto the new rate (the ECG's content is far below both Nyquist frequencies).</summary>
    private static short[] Resample(short[] samples, double scale)
    {
        var resampled = new short[(int)(samples.Length * scale)];
        for (int i = 0; i < resampled.Length; i++)
        {
            double t = i / scale;
            int k = (int)t;
            double fraction = t - k;
            double value = k + 1 < samples.Length ? samples[k] * (1 - fraction) + samples[k + 1] * fraction : samples[k];
            resampled[i] = (short)Math.Round(value);
        }
        return resampled;
    }
}
