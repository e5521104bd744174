using Monitoring.Detection.Analysis;
using Monitoring.Detection.Pacing;
using Monitoring.Detection.Qrs;
using Monitoring.Detection.Rhythm;

namespace Monitoring.Detection.Tests;

/// <summary>Pacemaker pulse rejection: a reported pulse's own trace is held over before analysis.</summary>
public class PacePulseBlankerTests
{
    [Fact]
    public void A_pulse_is_held_at_the_sample_before_it_for_12_ms_and_the_input_is_left_alone()
    {
        var blanker = new PacePulseBlanker(250, 100);
        short[] samples = [10, 11, 12, 900, 800, 13, 14, 15];

        short[] blanked = blanker.Blank(samples, [3]).ToArray();

        Assert.Equal([10, 11, 12, 12, 12, 12, 14, 15], blanked);   // 12 ms at 250 Hz: 3 samples
        Assert.Equal([10, 11, 12, 900, 800, 13, 14, 15], samples);
    }

    [Fact]
    public void A_hold_goes_on_into_the_next_chunk_and_a_pulse_inside_a_hold_extends_it()
    {
        var blanker = new PacePulseBlanker(250, 100);

        Assert.Equal([1, 2, 2], blanker.Blank([1, 2, 500], [2]).ToArray());
        Assert.Equal([2, 2, 2, 2, 7], blanker.Blank([400, 300, 600, 6, 7], [1]).ToArray());
    }

    [Fact]
    public void A_part_of_a_longer_chunk_takes_only_its_own_pulses()
    {
        var blanker = new PacePulseBlanker(250, 100);
        int[] pulses = [1, 6];

        Assert.Equal([5, 5, 5, 5], blanker.Blank([5, 90, 90, 90], pulses, 0).ToArray());
        Assert.Equal([5, 6, 6, 6, 6, 7], blanker.Blank([5, 6, 90, 90, 90, 7], pulses, 4).ToArray());
    }

    /// <summary>
    /// A paced rhythm at 70/min (a pulse 20 ms before each wide QRS) for 30 s, then loss of capture: the pacemaker goes
    /// on firing and nothing answers. The pulses, 1 to 5 mV and one or two samples wide, were counted as QRS complexes
    /// before they were held over (measured: at 2 mV and 250 Hz no alarm at all, at 5 mV only "high-frequency noise").
    /// Now pacer not capture comes at the first pulse that captured nothing and asystole 4 s after the last QRS.
    /// </summary>
    [Theory]
    [InlineData(250, 1.0, 1)]
    [InlineData(250, 2.0, 1)]
    [InlineData(250, 5.0, 1)]
    [InlineData(500, 2.0, 1)]
    [InlineData(500, 5.0, 2)]
    public void Loss_of_capture_is_pacer_not_capture_and_asystole_not_a_paced_rhythm(int fs, double pulseMv, int pulseSamples)
    {
        var beats = new List<SyntheticBeat>();
        var pulses = new List<long>();
        for (double t = 1; t < 60; t += 60.0 / 70)
        {
            pulses.Add((long)Math.Round(t * fs));
            if (t < 30) beats.Add(SyntheticEcg.Ventricular(t + 0.02, 1));
        }
        short[] samples = new SyntheticEcg { NoiseMv = 0.01 }.Render(beats, fs, 62);
        foreach (long pulse in pulses)
            for (int k = 0; k < pulseSamples; k++) samples[pulse + k] += (short)(pulseMv * 200);

        var events = Analyse(samples, [.. pulses], fs);

        double firstLost = pulses.First(p => p > 30 * fs) / (double)fs, lastQrs = beats[^1].Time;
        var notCapture = Assert.Single(events, e => e.Condition == RhythmCondition.PacerNotCapture && e.Onset);
        Assert.InRange(notCapture.SampleIndex / (double)fs, firstLost, firstLost + 0.35);
        var asystole = Assert.Single(events, e => e.Condition == RhythmCondition.Asystole && e.Onset);
        Assert.InRange(asystole.SampleIndex / (double)fs, lastQrs + 4 - 0.1, lastQrs + 4 + 0.2);
        Assert.DoesNotContain(events, e => e.SampleIndex < 29 * fs);
    }

    private static List<RhythmEvent> Analyse(short[] samples, long[] pulses, int fs)
    {
        var analyzer = new EcgAnalyzer(new QrsDetectorSettings(fs, 200), pacedPatient: true);
        var sink = new CollectingAnalysisSink();
        var inChunk = new List<int>();
        int chunk = fs / 4, next = 0;
        for (int offset = 0; offset < samples.Length; offset += chunk)
        {
            int length = Math.Min(chunk, samples.Length - offset);
            inChunk.Clear();
            while (next < pulses.Length && pulses[next] < offset + length) inChunk.Add((int)(pulses[next++] - offset));
            analyzer.Process(samples.AsSpan(offset, length), inChunk.ToArray(), ref sink);
        }
        return sink.List;
    }
}
