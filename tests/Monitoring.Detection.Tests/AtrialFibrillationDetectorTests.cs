using Monitoring.Detection.Classification;
using Monitoring.Detection.Rhythm;

namespace Monitoring.Detection.Tests;

/// <summary>Atrial fibrillation and irregular rhythm from synthetic sequences of classified beats.</summary>
public class AtrialFibrillationDetectorTests
{
    private const int Fs = 250;

    [Fact]
    public void A_regular_rhythm_with_mild_sinus_arrhythmia_is_neither_af_nor_irregular()
    {
        var random = new Random(1);
        var beats = Beats(300, i => 0.8 + 0.02 * Math.Sin(i / 4.0) + 0.01 * (random.NextDouble() - 0.5), _ => 'N');

        Assert.Empty(Run(beats));
    }

    [Fact]
    public void Ventricular_bigeminy_and_trigeminy_are_neither_af_nor_irregular()
    {
        var bigeminy = Beats(300, i => i % 2 == 1 ? 0.5 : 1.1, i => i % 2 == 1 ? 'V' : 'N');
        var trigeminy = Beats(300, i => i % 3 == 2 ? 0.5 : i % 3 == 0 ? 1.1 : 0.8, i => i % 3 == 2 ? 'V' : 'N');

        Assert.Empty(Run(bigeminy));
        Assert.Empty(Run(trigeminy));
    }

    [Fact]
    public void Frequent_pvcs_in_a_regular_rhythm_are_not_af()
    {
        var random = new Random(2);
        // A PVC (short coupling, compensatory pause) at random after about one beat in four.
        var classes = new char[400];
        for (int i = 0; i < classes.Length; i++) classes[i] = i > 0 && classes[i - 1] != 'V' && random.NextDouble() < 0.25 ? 'V' : 'N';
        var beats = Beats(classes.Length, i => classes[i] == 'V' ? 0.45 : i > 0 && classes[i - 1] == 'V' ? 1.15 : 0.8, i => classes[i]);

        Assert.DoesNotContain(Run(beats), e => e.Condition == RhythmCondition.AtrialFibrillation);
    }

    [Fact]
    public void Randomly_irregular_intervals_start_af_which_ends_when_the_rhythm_is_regular_again()
    {
        var random = new Random(3);
        // 40 regular beats, 200 beats of AF (intervals 0.4-1.0 s at random), 100 regular beats.
        var beats = Beats(340, i => i is >= 40 and < 240 ? 0.4 + 0.6 * random.NextDouble() : 0.8, _ => 'N');

        var events = Run(beats);

        var conditions = events.Select(e => (e.Condition, e.Onset)).ToList();
        Assert.Equal([(RhythmCondition.AtrialFibrillation, true), (RhythmCondition.AtrialFibrillation, false)], conditions);
        // Onset dated to the start of the irregular stretch, offset to its end: within a few beats of the truth.
        Assert.InRange(events[0].SampleIndex, beats[37].SampleIndex, beats[45].SampleIndex);
        Assert.InRange(events[1].SampleIndex, beats[236].SampleIndex, beats[243].SampleIndex);
        Assert.InRange(events[0].HeartRateBpm!.Value, 70, 110);   // mean interval 0.7 s: 86 bpm
    }

    [Fact]
    public void Irregular_intervals_with_the_sinus_p_wave_on_every_beat_are_not_af()
    {
        var random = new Random(4);
        // The same random intervals as AF, but each beat preceded by the patient's sinus P wave (frequent atrial ectopy).
        var beats = WithPWaves(Beats(300, _ => 0.4 + 0.6 * random.NextDouble(), _ => 'N'), _ => 0.9);

        Assert.DoesNotContain(Run(beats), e => e.Condition == RhythmCondition.AtrialFibrillation);
    }

    [Fact]
    public void Af_ends_when_the_sinus_p_waves_come_back_though_the_intervals_stay_irregular()
    {
        var random = new Random(5);
        // 200 beats of irregular intervals without P waves (AF), then 100 as irregular with them (sinus with ectopy).
        var beats = WithPWaves(Beats(300, _ => 0.4 + 0.6 * random.NextDouble(), _ => 'N'), i => i < 200 ? 0.1 : 0.9);

        var events = Run(beats).Where(e => e.Condition == RhythmCondition.AtrialFibrillation).ToList();

        Assert.Equal([true, false], events.Select(e => e.Onset));
        // Ended within the P-wave window's 17 beats, dated to the first beat with its P wave back.
        Assert.Equal(beats[200].SampleIndex, events[1].SampleIndex);
    }

    [Fact]
    public void Af_is_declared_about_thirty_beats_after_it_starts()
    {
        var random = new Random(4);
        var beats = Beats(200, i => i >= 40 ? 0.4 + 0.6 * random.NextDouble() : 0.8, _ => 'N');
        var detector = new AtrialFibrillationDetector(Fs);
        var sink = new Sink();
        int declaredAt = -1;
        for (int i = 0; i < beats.Count && declaredAt < 0; i++)
        {
            detector.OnBeat(beats[i], ref sink);
            if (detector.InAtrialFibrillation) declaredAt = i;
        }

        Assert.InRange(declaredAt, 40 + 23, 40 + 40);   // at least 23 irregular votes are needed
    }

    [Fact]
    public void Af_with_occasional_pvcs_is_still_af()
    {
        var random = new Random(5);
        var beats = Beats(300, i => i % 8 == 7 ? 0.4 : 0.45 + 0.6 * random.NextDouble(), i => i % 8 == 7 ? 'V' : 'N');

        Assert.Contains(Run(beats), e => e.Condition == RhythmCondition.AtrialFibrillation && e.Onset);
    }

    [Fact]
    public void Declared_af_lasts_through_a_stretch_of_frequent_pvcs()
    {
        var random = new Random(8);
        // 150 beats of AF, then 120 beats of AF with a PVC every fourth beat (three votes in four are lost: about 16
        // are left in the last 64 beats), then 100 regular beats. Only the return to a regular rhythm ends AF.
        var beats = Beats(370, i => i < 270 ? (i >= 150 && i % 4 == 3 ? 0.35 : 0.45 + 0.6 * random.NextDouble()) : 0.8,
            i => i is >= 150 and < 270 && i % 4 == 3 ? 'V' : 'N');

        var detector = new AtrialFibrillationDetector(Fs);
        var sink = new Sink();
        var declared = new List<bool>();
        foreach (var beat in beats)
        {
            detector.OnBeat(beat, ref sink);
            declared.Add(detector.InAtrialFibrillation);
        }

        Assert.All(declared[100..270], Assert.True);
        Assert.False(declared[^1]);
        Assert.Equal([true, false], sink.Events.Where(e => e.Condition == RhythmCondition.AtrialFibrillation).Select(e => e.Onset));
    }

    [Fact]
    public void Multifocal_ventricular_ectopy_with_random_timing_is_an_irregular_rhythm_not_af()
    {
        var random = new Random(6);
        // Every other beat a PVC at a random coupling: the intervals between non-ventricular beats never vote.
        var beats = Beats(300, i => i % 2 == 1 ? 0.35 + 0.4 * random.NextDouble() : 0.5 + 0.7 * random.NextDouble(), i => i % 2 == 1 ? 'V' : 'N');

        Assert.DoesNotContain(Run(beats), e => e.Condition == RhythmCondition.AtrialFibrillation);
    }

    [Fact]
    public void Steady_state_beats_allocate_nothing()
    {
        var random = new Random(7);
        var beats = WithPWaves(Beats(4000, i => (i / 500) % 2 == 0 ? 0.8 : 0.4 + 0.6 * random.NextDouble(), i => i % 7 == 3 ? 'V' : 'N'),
            i => (i / 500) % 2 == 0 ? 0.9 : 0.1);
        var detector = new AtrialFibrillationDetector(Fs);
        var sink = new CountingSink();
        for (int i = 0; i < 1000; i++) detector.OnBeat(beats[i], ref sink);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 1000; i < beats.Count; i++) detector.OnBeat(beats[i], ref sink);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(sink.Events > 4, $"only {sink.Events} events");
        Assert.Equal(0, allocated);
    }

    /// <summary><paramref name="count"/> beats; beat i follows the previous one after interval(i) seconds.</summary>
    private static List<ClassifiedBeat> Beats(int count, Func<int, double> interval, Func<int, char> beatClass)
    {
        var beats = new List<ClassifiedBeat>(count);
        long t = Fs;
        for (int i = 0; i < count; i++)
        {
            long rr = (long)Math.Round(interval(i) * Fs);
            t += rr;
            var type = beatClass(i) == 'V' ? BeatClass.Ventricular : BeatClass.Normal;
            beats.Add(new ClassifiedBeat(t, type, i == 0 ? 0 : rr, 0, type == BeatClass.Ventricular ? 0.3 : 1, 0.08));
        }
        return beats;
    }

    /// <summary>The beats with the P-wave correlation <paramref name="pWave"/>(i) before beat i.</summary>
    private static List<ClassifiedBeat> WithPWaves(List<ClassifiedBeat> beats, Func<int, double> pWave) =>
        [.. beats.Select((beat, i) => beat with { PWaveCorrelation = pWave(i) })];

    private static List<RhythmEvent> Run(List<ClassifiedBeat> beats)
    {
        var detector = new AtrialFibrillationDetector(Fs);
        var sink = new Sink();
        foreach (var beat in beats) detector.OnBeat(beat, ref sink);
        return sink.Events;
    }

    private sealed class Sink : IRhythmSink
    {
        public List<RhythmEvent> Events { get; } = [];
        public void OnRhythmEvent(in RhythmEvent rhythmEvent) => Events.Add(rhythmEvent);
    }

    private struct CountingSink : IRhythmSink
    {
        public int Events;
        public void OnRhythmEvent(in RhythmEvent rhythmEvent) => Events++;
    }
}
