using Monitoring.Detection.Classification;
using Monitoring.Detection.Rhythm;

namespace Monitoring.Detection.Tests;

/// <summary>Ventricular ectopy conditions from sequences of classified beats (N = normal, V = PVC).</summary>
public class VentricularEctopyMonitorTests
{
    private const int Fs = 250;

    [Fact]
    public void Two_pvcs_in_a_row_are_a_couplet()
    {
        var events = Run(Join(Rhythm("NNNNN", 0.8), Rhythm("VV", 0.5), Rhythm("NNNNN", 0.8)));

        Assert.Equal([(RhythmCondition.Couplet, true, 2), (RhythmCondition.Couplet, false, 2)], Summary(events));
    }

    [Fact]
    public void A_fast_run_of_four_is_non_sustained_vt_and_a_slow_one_a_pvc_run()
    {
        var fast = Run(Join(Rhythm("NNNNN", 0.8), Rhythm("VVVV", 0.4), Rhythm("NNNN", 0.8)));   // 150 bpm
        var slow = Run(Join(Rhythm("NNNNN", 0.8), Rhythm("VVVV", 0.6), Rhythm("NNNN", 0.8)));   // 100 bpm

        Assert.Equal([(RhythmCondition.NonSustainedVentricularTachycardia, true, 4), (RhythmCondition.NonSustainedVentricularTachycardia, false, 4)], Summary(fast));
        Assert.Equal([(RhythmCondition.PvcRun, true, 4), (RhythmCondition.PvcRun, false, 4)], Summary(slow));
        Assert.Equal(150, fast[0].HeartRateBpm!.Value, 1);
    }

    [Fact]
    public void Vt_is_declared_at_the_sixth_pvc_dated_to_the_first_and_ends_with_the_next_normal_beat()
    {
        var beats = Join(Rhythm("NNNNN", 0.8), Rhythm("VVVVVVVVVV", 0.375), Rhythm("NNNN", 0.8));   // 160 bpm
        var monitor = new VentricularEctopyMonitor(Fs);
        var sink = new Sink();
        var declaredAfter = new List<int>();
        for (int i = 0; i < beats.Count; i++)
        {
            int before = sink.Events.Count;
            monitor.OnBeat(beats[i], ref sink);
            if (sink.Events.Count > before) declaredAfter.Add(i);
        }

        var onset = Assert.Single(sink.Events, e => e.Onset);
        Assert.Equal(RhythmCondition.VentricularTachycardia, onset.Condition);
        Assert.Equal(beats[5].SampleIndex, onset.SampleIndex);          // first PVC of the run
        Assert.Equal(5 + 5, declaredAfter[0]);                           // reported with the sixth PVC
        var offset = Assert.Single(sink.Events, e => !e.Onset);
        Assert.Equal(beats[15].SampleIndex, offset.SampleIndex);        // the first normal beat after it
        Assert.Equal(10, offset.BeatCount);
    }

    [Fact]
    public void A_slow_long_run_is_ventricular_rhythm()
    {
        var events = Run(Join(Rhythm("NNNNN", 1.2), Rhythm("VVVVVVVV", 0.9), Rhythm("NNNN", 1.2)));   // 67 bpm

        Assert.Equal([(RhythmCondition.VentricularRhythm, true, 6), (RhythmCondition.VentricularRhythm, false, 8)], Summary(events));
    }

    [Fact]
    public void Vt_with_a_missed_complex_or_a_short_pause_is_still_vt()
    {
        // 160/min salvos with one doubled interval (a complex the QRS detector missed) and one pause (vfdb 430 at
        // 11:29): the mean rate of the six beats is 120/min, below the VT rate; the median interval's is 160/min.
        var run = Intervals('V', 0.375, 0.375, 0.375, 0.75, 0.65, 0.375, 0.375);
        var events = Run(Join(Rhythm("NNNNN", 0.8), run, Rhythm("NNNN", 0.8)));

        Assert.Equal([(RhythmCondition.VentricularTachycardia, true, 6), (RhythmCondition.VentricularTachycardia, false, 7)], Summary(events));
        Assert.Equal(160, events[0].HeartRateBpm!.Value, 0);
    }

    [Fact]
    public void A_ventricular_rhythm_that_speeds_up_to_the_vt_rate_becomes_vt_from_its_first_fast_interval()
    {
        var slow = Rhythm("VVVVVVVV", 0.8);       // 75/min: ventricular rhythm
        var fast = Rhythm("VVVVVVV", 0.4);        // 150/min
        var beats = Join(Rhythm("NNNNN", 0.8), slow, fast, Rhythm("NNNN", 0.8));
        int firstFast = 5 + slow.Count;

        var events = Run(beats);

        Assert.Equal([
            (RhythmCondition.VentricularRhythm, true, 6),
            (RhythmCondition.VentricularRhythm, false, 8),
            (RhythmCondition.VentricularTachycardia, true, 4),
            (RhythmCondition.VentricularTachycardia, false, 8)], Summary(events));
        // Declared with the beat that made the median of the last five intervals fast, the third fast interval, and
        // dated to the first: the last slow beat, which the first fast interval follows.
        var vt = events.Single(e => e.Condition == RhythmCondition.VentricularTachycardia && e.Onset);
        Assert.Equal(beats[firstFast - 1].SampleIndex, vt.SampleIndex);
        Assert.Equal(150, vt.HeartRateBpm!.Value, 0);
        Assert.Equal(vt.SampleIndex, events.Single(e => e.Condition == RhythmCondition.VentricularRhythm && !e.Onset).SampleIndex);
    }

    [Fact]
    public void Bigeminy_and_trigeminy_start_after_three_cycles_and_end_when_the_pattern_breaks()
    {
        var bigeminy = Run(Join(Rhythm("NNNN", 0.8), Rhythm("VNVNVNVN", 0.7), Rhythm("NNNNN", 0.8)));
        var trigeminy = Run(Join(Rhythm("NNNN", 0.8), Rhythm("VNNVNNVNNVNN", 0.75), Rhythm("NNNNN", 0.8)));

        Assert.Equal([(RhythmCondition.Bigeminy, true, 3), (RhythmCondition.Bigeminy, false, 0)], Summary(bigeminy));
        Assert.Equal([(RhythmCondition.Trigeminy, true, 3), (RhythmCondition.Trigeminy, false, 0)], Summary(trigeminy));
    }

    [Fact]
    public void A_pvc_at_a_quarter_of_the_normal_interval_is_r_on_t()
    {
        var beats = Rhythm("NNNNNNNNNN", 1.0);
        beats.Add(Beat('V', beats[^1].SampleIndex + Fs / 4, Fs / 4));
        beats.AddRange(Rhythm("NNNN", 1.0, start: beats[^1].SampleIndex + Fs));

        var events = Run(beats);

        Assert.Contains((RhythmCondition.RonT, true, 1), Summary(events));
    }

    [Fact]
    public void More_than_the_limit_of_pvcs_in_a_minute_is_raised_and_ends_when_they_thin_out()
    {
        var beats = new List<ClassifiedBeat>();
        long t = 0;
        for (int i = 0; i < 120; i++)
        {
            bool pvc = i < 60 && i % 4 == 3;    // 15 PVCs in the first minute, none after
            beats.Add(Beat(pvc ? 'V' : 'N', t, Fs));
            t += Fs;
        }

        var events = Run(beats);

        var onset = Assert.Single(events, e => e.Condition == RhythmCondition.PvcsPerMinute && e.Onset);
        Assert.Equal(11, onset.BeatCount);
        var offset = Assert.Single(events, e => e.Condition == RhythmCondition.PvcsPerMinute && !e.Onset);
        Assert.True(offset.SampleIndex > onset.SampleIndex);
    }

    [Fact]
    public void Settings_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new VentricularEctopyMonitor(Fs, new VentricularEctopySettings { VtBeats = 2 }));
        Assert.Throws<ArgumentException>(() => new VentricularEctopyMonitor(Fs, new VentricularEctopySettings { VtRateBpm = 250 }));
    }

    [Fact]
    public void Unreadable_signal_ends_vt_in_progress_and_drops_a_shorter_run()
    {
        var monitor = new VentricularEctopyMonitor(Fs);
        var sink = new Sink();
        var vt = Join(Rhythm("NNNNN", 0.8), Rhythm("VVVVVVV", 0.375));
        foreach (var beat in vt) monitor.OnBeat(beat, ref sink);
        long interruptedAt = vt[^1].SampleIndex + Fs;
        monitor.Interrupt(interruptedAt, ref sink);
        Assert.Equal([(RhythmCondition.VentricularTachycardia, true), (RhythmCondition.VentricularTachycardia, false)],
            sink.Events.Select(e => (e.Condition, e.Onset)));
        Assert.Equal(interruptedAt, sink.Events[^1].SampleIndex);

        // Two PVCs before and two after the interruption are not a run of four.
        sink.Events.Clear();
        var before = Rhythm("NNNNNVV", 0.6, start: interruptedAt + 10 * Fs);
        var after = Rhythm("VVNNNN", 0.6, start: before[^1].SampleIndex + 5 * Fs);
        foreach (var beat in before) monitor.OnBeat(beat, ref sink);
        monitor.Interrupt(before[^1].SampleIndex + Fs, ref sink);
        foreach (var beat in after) monitor.OnBeat(beat, ref sink);
        Assert.Equal([(RhythmCondition.Couplet, true), (RhythmCondition.Couplet, false)],
            sink.Events.Where(e => e.Condition != RhythmCondition.PvcsPerMinute).Select(e => (e.Condition, e.Onset)));
    }

    /// <summary>Beats of the given classes ("N", "V") at a constant interval (seconds), starting after <paramref name="start"/>.</summary>
    private static List<ClassifiedBeat> Rhythm(string classes, double interval, long start = -1)
    {
        var beats = new List<ClassifiedBeat>();
        long rr = (long)Math.Round(interval * Fs);
        long t = start < 0 ? 0 : start;
        foreach (char c in classes)
        {
            beats.Add(Beat(c, t, rr));
            t += rr;
        }
        return beats;
    }

    /// <summary>Beats of one class, each after the given interval (seconds) from the one before.</summary>
    private static List<ClassifiedBeat> Intervals(char c, params double[] intervals)
    {
        var beats = new List<ClassifiedBeat>();
        long t = 0;
        foreach (double interval in intervals)
        {
            long rr = (long)Math.Round(interval * Fs);
            t += rr;
            beats.Add(Beat(c, t, rr));
        }
        return beats;
    }

    /// <summary>The pieces one after the other: each piece's clock restarts at 0, so later ones are shifted in time.</summary>
    private static List<ClassifiedBeat> Join(params List<ClassifiedBeat>[] pieces)
    {
        var beats = new List<ClassifiedBeat>();
        foreach (var piece in pieces)
        {
            long shift = beats.Count == 0 ? 0 : beats[^1].SampleIndex + piece[0].RrBeforeSamples - piece[0].SampleIndex;
            beats.AddRange(piece.Select(b => b with { SampleIndex = b.SampleIndex + shift }));
        }
        return beats;
    }

    private static ClassifiedBeat Beat(char c, long at, long rrBefore) =>
        new(at, c == 'V' ? BeatClass.Ventricular : BeatClass.Normal, rrBefore, 0, c == 'V' ? 0.3 : 1, 0.08);

    private static List<RhythmEvent> Run(List<ClassifiedBeat> beats)
    {
        var monitor = new VentricularEctopyMonitor(Fs);
        var sink = new Sink();
        foreach (var beat in beats) monitor.OnBeat(beat, ref sink);
        return sink.Events;
    }

    private static List<(RhythmCondition, bool, int)> Summary(List<RhythmEvent> events) =>
        events.Where(e => e.Condition != RhythmCondition.PvcsPerMinute).Select(e => (e.Condition, e.Onset, e.BeatCount)).ToList();

    private sealed class Sink : IRhythmSink
    {
        public List<RhythmEvent> Events { get; } = [];
        public void OnRhythmEvent(in RhythmEvent rhythmEvent) => Events.Add(rhythmEvent);
    }
}
