using Monitoring.Cli;
using Monitoring.Detection.Classification;
using Monitoring.Detection.Qrs;
using Monitoring.Evaluation;
using Monitoring.Wfdb;

namespace Monitoring.Detection.Tests;

/// <summary>Beat classification through the real detector: synthetic rhythms with known classes, and EC57 floors on MIT-BIH.</summary>
public class BeatClassifierTests
{
    private const int Fs = 360;

    [Fact]
    public void Isolated_pvcs_are_ventricular_and_sinus_beats_normal()
    {
        var beats = new List<(SyntheticBeat Beat, BeatClass Class)>();
        double t = 0.5;
        for (int i = 0; t < 120; i++)
        {
            bool pvc = i > 20 && i % 7 == 0;
            beats.Add(pvc ? (SyntheticEcg.Ventricular(t), BeatClass.Ventricular) : (new SyntheticBeat(t), BeatClass.Normal));
            t += pvc ? 1.2 : (i % 7 == 6 && i > 20 ? 0.5 : 0.8);    // premature PVC, then a compensatory pause
        }

        AssertClasses(beats, Classify(beats.Select(b => b.Beat).ToList(), 120));
    }

    [Fact]
    public void Premature_atrial_beats_with_a_normal_shape_are_supraventricular()
    {
        var beats = new List<(SyntheticBeat Beat, BeatClass Class)>();
        double t = 0.5;
        for (int i = 0; t < 120; i++)
        {
            bool apc = i > 20 && i % 9 == 0;
            beats.Add((new SyntheticBeat(t), apc ? BeatClass.Supraventricular : BeatClass.Normal));
            t += apc ? 1.0 : (i % 9 == 8 && i > 20 ? 0.55 : 0.8);   // the APC comes 250 ms early
        }

        AssertClasses(beats, Classify(beats.Select(b => b.Beat).ToList(), 120));
    }

    /// <summary>
    /// A second narrow shape unlike the dominant beat (here inverted), every third beat. When it mostly comes on time it
    /// is one of the patient's conducted beats (an axis that changes with respiration): the odd early one among its
    /// beats is not a PVC. When it always comes early, with a compensatory pause, it is a PVC shape and stays V.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_unlike_shape_that_mostly_comes_on_time_is_conducted_and_its_early_beats_are_not_ventricular(bool alwaysEarly)
    {
        var beats = new List<SyntheticBeat>();
        var early = new List<SyntheticBeat>();
        double t = 0.5;
        for (int i = 0; t < 180; i++)
        {
            bool second = i % 3 == 2, isEarly = second && (alwaysEarly ? i > 20 : i > 60 && i % 30 == 8);
            if (isEarly) t -= 0.2;   // 600 ms after the beat before
            var beat = second ? new SyntheticBeat(t, AmplitudeMv: -0.9, TAmplitudeMv: 0.3) : new SyntheticBeat(t);
            beats.Add(beat);
            if (isEarly) early.Add(beat);
            t += isEarly && alwaysEarly ? 1.0 : 0.8;   // a PVC's compensatory pause; a conducted beat's normal cycle
        }

        var classified = Classify(beats, 180);
        var classes = early.Select(beat => classified.Single(c => Math.Abs(c.SampleIndex - beat.Time * Fs) <= 0.15 * Fs).Class).ToList();
        Assert.True(classes.Count >= 5);
        if (alwaysEarly) Assert.All(classes.Skip(BeatClassifier.ConductedShapeBeats), c => Assert.Equal(BeatClass.Ventricular, c));
        else Assert.All(classes, c => Assert.NotEqual(BeatClass.Ventricular, c));
    }

    /// <summary>
    /// Wide early beats with a P wave before them, 400 ms after a sinus beat at 75/min: shaped like PVCs, so the first
    /// ones are V. When the interval after each is about one normal cycle (the atrial impulse reset the sinus node: the
    /// two intervals add up to 1.5 cycles), they are atrial beats conducted with aberration, and once enough of them
    /// were seen they are S (<see cref="AberrantConductionRule"/>); with a compensatory pause (two cycles) they stay V.
    /// </summary>
    [Theory]
    [InlineData(0.80, BeatClass.Supraventricular)]
    [InlineData(1.20, BeatClass.Ventricular)]
    public void Wide_early_beats_that_reset_the_sinus_rhythm_are_aberrant_atrial_beats(double intervalAfter, BeatClass expected)
    {
        var beats = new List<SyntheticBeat>();
        var early = new List<SyntheticBeat>();
        double t = 0.5;
        for (int i = 0; t < 180; i++)
        {
            bool ectopic = i > 20 && i % 7 == 0;
            var beat = ectopic ? new SyntheticBeat(t, AmplitudeMv: 1.2, WidthScale: 2.2, TAmplitudeMv: -0.3) : new SyntheticBeat(t);
            beats.Add(beat);
            if (ectopic) early.Add(beat);
            t += ectopic ? intervalAfter : (i % 7 == 6 && i > 20 ? 0.4 : 0.8);
        }

        var classified = Classify(beats, 180);
        var classes = early.Select(beat => classified.Single(c => Math.Abs(c.SampleIndex - beat.Time * Fs) <= 0.15 * Fs).Class).ToList();
        Assert.Equal(BeatClass.Ventricular, classes[0]);
        Assert.All(classes.Skip(AberrantConductionRule.JudgedBeats), c => Assert.Equal(expected, c));
        var normal = beats.Except(early).Skip(20).Select(beat => classified.Single(c => Math.Abs(c.SampleIndex - beat.Time * Fs) <= 0.15 * Fs).Class);
        Assert.All(normal, c => Assert.Equal(BeatClass.Normal, c));
    }

    /// <summary>
    /// A rhythm whose rate steps from 60 to 80 bpm at once (the patient sits up): the first beats at the new rate look
    /// early, but with the sinus P wave they are sinus rhythm, and even with another P wave (inverted: an atrial rhythm
    /// from a low focus) a run of premature beats at 80/min is no tachycardia. Either way the classifier takes the new
    /// rate as the normal one within a few dozen beats instead of calling every beat S from then on (see
    /// <see cref="SinusRateChange"/>).
    /// </summary>
    [Theory]
    [InlineData(1.0)]
    [InlineData(-1.0)]
    public void A_sudden_rate_increase_becomes_the_new_normal_rate(double pWaveScaleAfterTheStep)
    {
        var beats = new List<SyntheticBeat>();
        double t = 0.5;
        while (t < 60) { beats.Add(new SyntheticBeat(t)); t += 1.0; }
        while (t < 180) { beats.Add(new SyntheticBeat(t, PWaveScale: pWaveScaleAfterTheStep)); t += 0.75; }

        var classified = Classify(beats, 180);

        var late = classified.Where(b => b.SampleIndex > 100 * Fs).ToList();
        Assert.True(late.Count > 100);
        Assert.All(late, b => Assert.Equal(BeatClass.Normal, b.Class));
    }

    [Fact]
    public void In_ventricular_bigeminy_the_normal_beat_stays_dominant()
    {
        var beats = new List<(SyntheticBeat Beat, BeatClass Class)>();
        double t = 0.5;
        for (int i = 0; t < 120; i++)
        {
            bool pvc = i > 10 && i % 2 == 1;
            beats.Add(pvc ? (SyntheticEcg.Ventricular(t), BeatClass.Ventricular) : (new SyntheticBeat(t), BeatClass.Normal));
            t += i > 10 ? (pvc ? 1.0 : 0.5) : 0.75;
        }

        AssertClasses(beats, Classify(beats.Select(b => b.Beat).ToList(), 120));
    }

    /// <summary>
    /// Atrial bigeminy: every other beat an APC 300 ms early, followed by a pause. The intervals alternate, so beat to
    /// beat the rhythm looks irregular, but it repeats every two beats: the APCs are S.
    /// </summary>
    [Fact]
    public void In_atrial_bigeminy_the_premature_beats_are_supraventricular()
    {
        var beats = new List<(SyntheticBeat Beat, BeatClass Class)>();
        double t = 0.5;
        for (int i = 0; t < 120; i++)
        {
            bool apc = i > 20 && i % 2 == 1;
            beats.Add((new SyntheticBeat(t), apc ? BeatClass.Supraventricular : BeatClass.Normal));
            t += i >= 20 ? (apc ? 1.0 : 0.5) : 0.8;
        }

        AssertClasses(beats, Classify(beats.Select(b => b.Beat).ToList(), 120));
    }

    /// <summary>
    /// Beats 12.5 % early (too little to be premature) and followed by a pause: S when their P wave is inverted (another
    /// atrial focus), N when it is the sinus P wave.
    /// </summary>
    [Fact]
    public void Slightly_early_beats_with_another_p_wave_are_supraventricular()
    {
        var beats = new List<(SyntheticBeat Beat, BeatClass Class)>();
        double t = 0.5;
        for (int i = 0; t < 120; i++)
        {
            bool early = i > 20 && i % 6 == 0, ectopicP = i % 12 == 0;
            beats.Add((new SyntheticBeat(t, PWaveScale: early && ectopicP ? -1 : 1),
                early && ectopicP ? BeatClass.Supraventricular : BeatClass.Normal));
            t += i > 20 && i % 6 == 5 ? 0.7 : early ? 0.95 : 0.8;
        }

        AssertClasses(beats, Classify(beats.Select(b => b.Beat).ToList(), 120));
    }

    /// <summary>
    /// Frequent APCs at random (after three to five sinus beats, 0.44 s early, pauses of random length after them) make
    /// the rhythm irregular even with patterns allowed for, but every beat keeps the sinus P wave: sinus rhythm with
    /// atrial ectopy, not atrial fibrillation, so the markedly early beats are still S.
    /// </summary>
    [Fact]
    public void Markedly_early_beats_in_an_irregular_rhythm_with_sinus_p_waves_are_supraventricular()
    {
        var random = new Random(11);
        var beats = new List<(SyntheticBeat Beat, BeatClass Class)>();
        double t = 0.5;
        int untilApc = 2;
        for (int i = 0; t < 150; i++)
        {
            bool apc = i > 20 && untilApc-- == 0;
            beats.Add((new SyntheticBeat(t), apc ? BeatClass.Supraventricular : BeatClass.Normal));
            if (apc) untilApc = 3 + random.Next(3);
            t += i >= 20 && untilApc == 0 ? 0.44 : apc ? 0.85 + 0.4 * random.NextDouble() : 0.72 + 0.2 * random.NextDouble();
        }

        var classified = Classify(beats.Select(b => b.Beat).ToList(), 150);

        // After learning, nearly all APCs are S (52 % without the rule) and hardly any sinus beat is.
        var expected = beats.Skip(30).ToList();
        BeatClass ClassOf(SyntheticBeat beat) =>
            classified.Single(c => Math.Abs(c.SampleIndex - Math.Round(beat.Time * Fs)) <= 0.15 * Fs).Class;
        var apcs = expected.Where(b => b.Class == BeatClass.Supraventricular).Select(b => ClassOf(b.Beat)).ToList();
        var sinus = expected.Where(b => b.Class == BeatClass.Normal).Select(b => ClassOf(b.Beat)).ToList();
        double apcsCalledS = apcs.Count(c => c == BeatClass.Supraventricular) / (double)apcs.Count;
        Assert.True(apcs.Count > 30 && apcsCalledS >= 0.9, $"{apcsCalledS:P0} of {apcs.Count} APCs called S");
        Assert.True(sinus.Count(c => c != BeatClass.Normal) <= 2, $"{sinus.Count(c => c != BeatClass.Normal)} of {sinus.Count} sinus beats not N");
    }

    /// <summary>
    /// Late PVCs barely wider than the normal beat (by 18 ms, under the 20 ms that makes a shape wider) and not
    /// premature, but twice as large and blunter, without a P wave: V by their size alone.
    /// </summary>
    [Fact]
    public void Large_blunt_complexes_are_ventricular_even_when_on_time_and_not_wider()
    {
        var beats = new List<(SyntheticBeat Beat, BeatClass Class)>();
        double t = 0.5;
        for (int i = 0; t < 120; i++)
        {
            bool pvc = i > 20 && i % 6 == 0;
            beats.Add(pvc
                ? (new SyntheticBeat(t, AmplitudeMv: 2.2, WidthScale: 1.3, TAmplitudeMv: -0.3, HasPWave: false), BeatClass.Ventricular)
                : (new SyntheticBeat(t), BeatClass.Normal));
            t += 0.8;
        }

        AssertClasses(beats, Classify(beats.Select(b => b.Beat).ToList(), 120));
    }

    /// <summary>
    /// Known limitation until atrial fibrillation is detected as a rhythm: in an irregular rhythm of normal beats
    /// (RR uniformly 0.45-0.95 s) the classifier calls 25 % of the beats S (18 % while irregularity was the share of
    /// successive changes over 15 %: about half of these intervals match one of the three before within 8 %, so the
    /// pattern-aware irregularity sits near its 0.45 threshold). On the real AF of mitdb 201 and 203 the false S fell
    /// (from 112 and 201 to 73 and 19). This guards the figure from growing.
    /// </summary>
    [Fact]
    public void An_irregular_rhythm_of_normal_shape_is_mostly_not_called_supraventricular()
    {
        var random = new Random(7);
        var beats = new List<SyntheticBeat>();
        for (double t = 0.5; t < 120; t += 0.45 + 0.5 * random.NextDouble()) beats.Add(new SyntheticBeat(t, HasPWave: false));

        var classified = Classify(beats, 120);

        double supraventricular = classified.Count(b => b.Class == BeatClass.Supraventricular) / (double)classified.Count;
        Assert.True(supraventricular < 0.27, $"{supraventricular:P1} called S");
        Assert.DoesNotContain(classified, b => b.Class == BeatClass.Ventricular);
    }

    [Fact]
    public void Classifying_allocates_nothing_in_steady_state()
    {
        var beats = new List<SyntheticBeat>();
        for (double t = 0.5; t < 300; t += 0.8) beats.Add(t % 8 < 0.8 ? SyntheticEcg.Ventricular(t) : new SyntheticBeat(t));
        short[] samples = new SyntheticEcg { NoiseMv = 0.01 }.Render(beats, Fs, 300);
        var settings = new QrsDetectorSettings(Fs, 200);
        var detector = new QrsDetector(settings);
        var sink = new ClassifyingSink(new BeatClassifier(settings));
        Feed(detector, ref sink, samples, 0, 60 * Fs);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Feed(detector, ref sink, samples, 60 * Fs, samples.Length);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(sink.Count > 300);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Chunk_size_does_not_change_the_classes()
    {
        short[] samples = WfdbRecordReader.ReadSignals(SharedData.Record("mitdb", "208")).GetSignal(0)[..(5 * 60 * Fs)];

        List<ClassifiedBeat> Analyse(int chunk)
        {
            var analyzer = new Monitoring.Detection.Analysis.EcgAnalyzer(new QrsDetectorSettings(Fs, 200));
            var sink = new AnalysisCollector();
            for (int offset = 0; offset < samples.Length; offset += chunk)
            {
                analyzer.Process(samples.AsSpan(offset, Math.Min(chunk, samples.Length - offset)), ref sink);
            }
            analyzer.Flush(ref sink, samples[^1]);
            return sink.Beats;
        }

        var reference = Analyse(samples.Length);
        Assert.Contains(reference, b => b.Class == BeatClass.Ventricular);
        foreach (int chunk in new[] { 1, 90, 1000 }) Assert.Equal(reference, Analyse(chunk));
    }

    /// <summary>
    /// EC57 floors on the 22 non-paced shared MIT-BIH records (scored from 5:00; measured VEB 95.05 / 93.86 and SVEB
    /// 84.12 / 76.04 since aberrantly conducted atrial beats are S and shapes that mostly come on time are conducted,
    /// 95.05 / 92.69 and 81.10 / 74.67 before). Of the
    /// issue's targets (VEB 95 / 97, SVEB 80 / 70), VEB Se and both SVEB figures are reached.
    /// </summary>
    [Fact]
    public void Mitdb_veb_and_sveb_stay_above_the_floor()
    {
        var gross = RecordEvaluation.Run("mitdb", Ec57Options.Standard, name => !Ec57.PacedMitdbRecords.Contains(name)).Gross;

        Assert.True(gross.VebSensitivity >= 95 && gross.VebPositivePredictivity >= 93.6, $"VEB {gross.VebSensitivity:F2} / {gross.VebPositivePredictivity:F2}");
        Assert.True(gross.SvebSensitivity >= 83.5 && gross.SvebPositivePredictivity >= 75.5, $"SVEB {gross.SvebSensitivity:F2} / {gross.SvebPositivePredictivity:F2}");
    }

    private static List<ClassifiedBeat> Classify(List<SyntheticBeat> beats, double seconds)
    {
        short[] samples = new SyntheticEcg { NoiseMv = 0.01 }.Render(beats, Fs, seconds);
        var settings = new QrsDetectorSettings(Fs, 200);
        var detector = new QrsDetector(settings);
        var sink = new ClassifyingSink(new BeatClassifier(settings)) { Beats = [] };
        Feed(detector, ref sink, samples, 0, samples.Length);
        detector.Flush(ref sink, samples[^1]);
        sink.Classifier.Flush(ref sink);
        return sink.Beats!;
    }

    /// <summary>After the first 20 beats (learning), every beat has its expected class.</summary>
    private static void AssertClasses(List<(SyntheticBeat Beat, BeatClass Class)> expected, List<ClassifiedBeat> classified)
    {
        int checkedBeats = 0;
        foreach (var (beat, expectedClass) in expected.Skip(20))
        {
            long r = (long)Math.Round(beat.Time * Fs);
            var match = classified.Where(c => Math.Abs(c.SampleIndex - r) <= 0.15 * Fs).ToList();
            Assert.True(match.Count == 1, $"beat at {beat.Time:F2} s detected {match.Count} times");
            Assert.True(match[0].Class == expectedClass, $"beat at {beat.Time:F2} s: {match[0]} expected {expectedClass}");
            checkedBeats++;
        }
        Assert.True(checkedBeats > 50);
    }

    private static void Feed(QrsDetector detector, ref ClassifyingSink sink, short[] samples, int from, int to)
    {
        for (int offset = from; offset < to; offset += Fs / 4)
        {
            var chunk = samples.AsSpan(offset, Math.Min(Fs / 4, to - offset));
            sink.Classifier.Process(chunk);
            detector.Process(chunk, ref sink);
            sink.Classifier.Drain(ref sink);
        }
    }

    private sealed class AnalysisCollector : Monitoring.Detection.Analysis.IAnalysisSink
    {
        public List<ClassifiedBeat> Beats { get; } = [];
        public void OnBeat(in QrsBeat beat) { }
        public void OnClassifiedBeat(in ClassifiedBeat beat) => Beats.Add(beat);
        public void OnRhythmEvent(in Monitoring.Detection.Rhythm.RhythmEvent rhythmEvent) { }
    }

    private struct ClassifyingSink(BeatClassifier classifier) : IQrsSink, IBeatSink
    {
        public readonly BeatClassifier Classifier = classifier;
        public List<ClassifiedBeat>? Beats;
        public int Count;

        public void OnBeat(in QrsBeat beat) => Classifier.OnBeat(beat, ref this);

        public void OnClassifiedBeat(in ClassifiedBeat beat)
        {
            Count++;
            Beats?.Add(beat);
        }
    }
}
