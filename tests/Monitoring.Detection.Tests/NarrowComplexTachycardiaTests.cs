using Monitoring.Detection.Analysis;
using Monitoring.Detection.Fibrillation;
using Monitoring.Detection.Qrs;
using Monitoring.Detection.Rhythm;

namespace Monitoring.Detection.Tests;

/// <summary>
/// A regular narrow-complex tachycardia (supraventricular, 1:1) whose T waves come close and sharp behind the QRS:
/// the VF detector alone reads its waveform as fibrillatory at 200/min (the many QRS lower the steepest-over-mean
/// slope), but the whole analysis sees a regular run of narrow beats shaped like the dominant one and declares no
/// fibrillation (see <see cref="VentricularFibrillationDetector.NarrowComplexRhythm"/>). Known limit: from about 220/min
/// the QRS width measure merges QRS and T (150-170 ms) and the run no longer counts as narrow.
/// </summary>
public class NarrowComplexTachycardiaTests
{
    [Theory]
    [InlineData(180)]
    [InlineData(200)]
    public void A_regular_narrow_complex_tachycardia_is_not_fibrillation(double bpm)
    {
        const int fs = 250;
        double rr = 60 / bpm;
        var ecg = new SyntheticEcg { NoiseMv = 0.02, TDelaySeconds = 0.4 * rr, TWidthSeconds = 0.1 * rr };
        short[] samples = ecg.Render(SyntheticEcg.RegularBeats(bpm, 120), fs, 120);

        var wholeAnalysis = new CollectingAnalysisSink();
        new EcgAnalyzer(new QrsDetectorSettings(fs, 200)).Process(samples, ref wholeAnalysis);

        Assert.DoesNotContain(wholeAnalysis.List, e => e.Condition == RhythmCondition.VentricularFibrillation);
        Assert.Contains(wholeAnalysis.List, e => e.Condition == RhythmCondition.ExtremeTachycardia && e.Onset);
    }

    [Fact]
    public void The_vf_detector_alone_reads_the_200_per_minute_waveform_as_fibrillation()
    {
        const int fs = 250;
        double rr = 60 / 200.0;
        short[] samples = new SyntheticEcg { NoiseMv = 0.02, TDelaySeconds = 0.4 * rr, TWidthSeconds = 0.1 * rr }.Render(SyntheticEcg.RegularBeats(200, 120), fs, 120);

        var sink = new CollectingRhythmSink();
        new VentricularFibrillationDetector(new QrsDetectorSettings(fs, 200)).Process(samples, ref sink);

        Assert.Contains(sink.List, e => e.Condition == RhythmCondition.VentricularFibrillation && e.Onset);
    }
}
