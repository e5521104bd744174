using Monitoring.Cli;
using Monitoring.Evaluation;
using Monitoring.Wfdb;

namespace Monitoring.Detection.Tests;

/// <summary>
/// The whole analysis on the 22 non-paced shared MIT-BIH records resampled from 360 Hz to 250 Hz, the rate the
/// product's devices stream at, scored with EC57 against the reference beats moved to the new timeline. Nothing was
/// fitted at 250 Hz: this checks that detection and classification carry over to another rate.
/// </summary>
public class ResampledRecordTests
{
    private const int Rate = 250;

    [Fact]
    public void Qrs_detection_and_ventricular_ectopy_hold_at_250_hz()
    {
        var comparisons = new List<RecordComparison>();
        foreach (string name in SharedData.Records("mitdb").Where(name => !Ec57.PacedMitdbRecords.Contains(name)))
        {
            string path = SharedData.Record("mitdb", name);
            WfdbSignals signals = WfdbRecordReader.ReadSignals(path);
            double scale = Rate / signals.Header.SamplingFrequency;
            short[] samples = Resample(signals.GetSignal(0), scale);

            var reference = WfdbAnnotationReader.Read(path + ".atr")
                .Select(a => a with { Sample = (long)Math.Round(a.Sample * scale) }).ToList();
            var test = AnalysisAnnotations.Beats(RecordAnalysis.Run(name, samples, Rate, signals.GetGain(0)));
            comparisons.Add(Ec57Comparer.Compare(name, reference, test, Rate, Ec57Options.Standard));
        }
        var gross = Ec57Summary.From(comparisons, Ec57.PacedMitdbRecords).Gross;

        // Measured: QRS 99.79 / 99.84, VEB 95.24 / 91.59 (95.18 / 91.07 before beats in noise of a new shape were Q), SVEB
        // 79.53 / 73.30 (at 360 Hz: 99.78 / 99.86, 95.27 / 92.62, 81.10 / 73.60).
        Assert.True(gross.QrsSensitivity >= 99.6 && gross.QrsPositivePredictivity >= 99.6, $"QRS {gross.QrsSensitivity:F2} / {gross.QrsPositivePredictivity:F2}");
        Assert.True(gross.VebSensitivity >= 95 && gross.VebPositivePredictivity >= 91.3, $"VEB {gross.VebSensitivity:F2} / {gross.VebPositivePredictivity:F2}");
        // SVEB 81.10 / 72.14 since early beats count as S in an irregular rhythm with sinus P waves (+P floor 73 -> 71.5).
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
