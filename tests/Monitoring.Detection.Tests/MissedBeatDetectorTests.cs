using Monitoring.Detection.Analysis;
using Monitoring.Detection.Classification;
using Monitoring.Detection.Qrs;
using Monitoring.Detection.Rhythm;

namespace Monitoring.Detection.Tests;

/// <summary>Missed beats (Mindray's definition) from sequences of classified beats, and through the whole analysis.</summary>
public class MissedBeatDetectorTests
{
    private const int Fs = 250;

    [Fact]
    public void One_dropped_beat_of_a_regular_rhythm_is_a_missed_beat_dated_where_it_was_due()
    {
        // 75 bpm (RR 0.8 s); the beat due at 8.0 s does not come: a 1.6 s gap, then the rhythm goes on.
        var times = Times(75, 20).Where(t => Math.Abs(t - 8.0) > 0.01).ToArray();

        var events = Run(Classified(times, "N"));

        var onset = Assert.Single(events, e => e.Onset);
        Assert.Equal(RhythmCondition.MissedBeat, onset.Condition);
        Assert.Equal(8.0 * Fs, onset.SampleIndex, 2);
        Assert.Equal(1.6 * Fs, onset.IntervalSamples, 2);
        Assert.Equal(75, onset.HeartRateBpm!.Value, 1);
        var end = Assert.Single(events, e => !e.Onset);
        Assert.Equal(8.8 * Fs, end.SampleIndex, 2);
    }

    [Fact]
    public void From_100_bpm_on_a_gap_longer_than_a_second_is_a_missed_beat_and_a_shorter_one_is_not()
    {
        double[] at110 = Times(110, 20).Where((_, i) => i != 15).ToArray();   // gap 1.09 s
        double[] at130 = Times(130, 20).Where((_, i) => i != 15).ToArray();   // gap 0.92 s

        Assert.Single(Run(Classified(at110, "N")), e => e.Condition == RhythmCondition.MissedBeat && e.Onset);
        Assert.Empty(Run(Classified(at130, "N")));
    }

    [Fact]
    public void A_gap_longer_than_the_pause_threshold_is_left_to_the_pause_alarm()
    {
        // Two beats dropped at 75 bpm: 2.4 s, over the default 2.0 s pause threshold.
        var times = Times(75, 20).Where(t => t is < 7.9 or > 8.9).ToArray();

        Assert.Empty(Run(Classified(times, "N")));
        Assert.Single(Run(Classified(times, "N"), pauseThresholdSeconds: 3.0), e => e.Onset);
    }

    [Fact]
    public void A_pvc_with_its_compensatory_pause_is_no_missed_beat()
    {
        // The PVC comes 0.45 s after the beat before it; the next sinus beat keeps the rhythm (interval 1.15 s).
        var times = Times(75, 20).Select(t => Math.Abs(t - 8.0) < 0.01 ? 7.65 : t).ToArray();
        string classes = string.Concat(times.Select(t => Math.Abs(t - 7.65) < 0.01 ? 'V' : 'N'));

        Assert.Empty(Run(Classified(times, classes)));
    }

    [Fact]
    public void A_gap_after_ectopic_beats_or_closed_by_one_is_no_missed_beat()
    {
        var times = Times(75, 20).Where(t => Math.Abs(t - 8.0) > 0.01).ToArray();
        int gapEnd = Array.FindIndex(times, t => t > 8.5);
        char[] afterPvc = Enumerable.Repeat('N', times.Length).ToArray();
        afterPvc[gapEnd - 2] = 'V';             // fewer than three normal beats before the gap
        char[] closedByPvc = Enumerable.Repeat('N', times.Length).ToArray();
        closedByPvc[gapEnd] = 'V';              // a late ventricular beat (escape) closes it

        Assert.Empty(Run(Classified(times, new string(afterPvc))));
        Assert.Empty(Run(Classified(times, new string(closedByPvc))));
    }

    [Fact]
    public void No_missed_beat_is_judged_in_atrial_fibrillation_or_after_irregular_intervals()
    {
        var times = Times(75, 20).Where(t => Math.Abs(t - 8.0) > 0.01).ToArray();
        // The beat at 5.6 s comes at 5.3 s: the interval before the last one before the gap is 1.1 s, not regular.
        var irregular = times.Select(t => Math.Abs(t - 5.6) < 0.01 ? 5.3 : t).ToArray();

        Assert.Empty(Run(Classified(times, "N"), inAtrialFibrillation: true));
        Assert.Empty(Run(Classified(irregular, "N")));
    }

    [Fact]
    public void A_rate_that_halves_and_stays_there_is_no_missed_beat()
    {
        // 80 bpm, then 40 bpm (2:1 block from then on): the long intervals go on, it is bradycardia, not a missed beat.
        var times = new List<double>();
        for (double t = 0.5; t < 30; t += t < 10 ? 0.75 : 1.5) times.Add(t);

        Assert.Empty(Run(Classified(times.ToArray(), "N")));
    }

    [Fact]
    public void The_whole_analysis_reports_a_dropped_beat_in_synthetic_ecg()
    {
        var times = Times(75, 60).Where(t => Math.Abs(t - 30.4) > 0.01).ToArray();
        short[] samples = new SyntheticEcg { NoiseMv = 0.01 }.Render(times, Fs, 60);
        var analyzer = new EcgAnalyzer(new QrsDetectorSettings(Fs, 200));
        var sink = new CollectingAnalysisSink();

        analyzer.Process(samples, ref sink);
        analyzer.Flush(ref sink, samples[^1]);

        var missed = Assert.Single(sink.List, e => e.Condition == RhythmCondition.MissedBeat && e.Onset);
        Assert.InRange(missed.SampleIndex / (double)Fs, 30.35, 30.45);
        Assert.DoesNotContain(sink.List, e => e.Condition is RhythmCondition.Pause or RhythmCondition.Asystole);
    }

    private static double[] Times(double bpm, double seconds)
    {
        var times = new List<double>();
        for (double t = 0.8; t < seconds; t += 60 / bpm) times.Add(Math.Round(t, 6));
        return times.ToArray();
    }

    /// <summary>Classified beats at the given times; <paramref name="classes"/> one letter per beat, or one for all.</summary>
    private static List<ClassifiedBeat> Classified(double[] times, string classes)
    {
        var beats = new List<ClassifiedBeat>();
        for (int i = 0; i < times.Length; i++)
        {
            long at = (long)Math.Round(times[i] * Fs);
            long before = i > 0 ? at - (long)Math.Round(times[i - 1] * Fs) : 0;
            long after = i + 1 < times.Length ? (long)Math.Round(times[i + 1] * Fs) - at : 0;
            char c = classes.Length == 1 ? classes[0] : classes[i];
            beats.Add(new ClassifiedBeat(at, c == 'V' ? BeatClass.Ventricular : BeatClass.Normal, before, after, 1, 0.08));
        }
        return beats;
    }

    private static List<RhythmEvent> Run(List<ClassifiedBeat> beats, double pauseThresholdSeconds = 2.0, bool inAtrialFibrillation = false)
    {
        var detector = new MissedBeatDetector(Fs, pauseThresholdSeconds);
        var sink = new CollectingRhythmSink();
        foreach (var beat in beats) detector.OnBeat(beat, inAtrialFibrillation, ref sink);
        return sink.List;
    }
}
