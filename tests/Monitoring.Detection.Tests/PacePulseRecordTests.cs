using Monitoring.Detection.Analysis;
using Monitoring.Detection.Classification;
using Monitoring.Detection.Qrs;
using Monitoring.Detection.Rhythm;
using Monitoring.Wfdb;

namespace Monitoring.Detection.Tests;

/// <summary>
/// Pacemaker pulses reported by the device beside the samples, for a patient set as paced. The shared records carry no
/// pulse channel, so pulses are placed where the reference annotates a paced or paced-fusion beat (the annotation sits
/// on the pulse's trace in 102 and 104, on the paced QRS in 107 and 217), as a front end would mark them.
/// </summary>
public class PacePulseRecordTests
{
    private const int Fs = 360, Chunk = 90;

    private sealed record Result(List<ClassifiedBeat> Beats, List<RhythmEvent> Events);

    private sealed class Collecting(Result result) : IAnalysisSink
    {
        public void OnBeat(in QrsBeat beat) { }
        public void OnClassifiedBeat(in ClassifiedBeat beat) => result.Beats.Add(beat);
        public void OnRhythmEvent(in RhythmEvent rhythmEvent) => result.Events.Add(rhythmEvent);
    }

    private static IReadOnlyList<WfdbAnnotation> Reference(string record) => WfdbAnnotationReader.Read(SharedData.Record("mitdb", record) + ".atr");

    private static short[] Signal(string record) => WfdbRecordReader.ReadSignals(SharedData.Record("mitdb", record)).GetSignal(0);

    private static long[] PulsesOf(string record) =>
        [.. Reference(record).Where(a => a.Code is AnnotationCode.Pace or AnnotationCode.Pfus).Select(a => a.Sample)];

    /// <summary>Streams the samples in 250 ms chunks with the pulses that fall in each, as a paced patient.</summary>
    private static Result Analyse(short[] samples, long[] pulses)
    {
        var result = new Result([], []);
        var analyzer = new EcgAnalyzer(new QrsDetectorSettings(Fs, 200), pacedPatient: true);
        var sink = new Collecting(result);
        var inChunk = new List<int>();
        int next = 0;
        for (int offset = 0; offset < samples.Length; offset += Chunk)
        {
            int length = Math.Min(Chunk, samples.Length - offset);
            inChunk.Clear();
            while (next < pulses.Length && pulses[next] < offset + length) inChunk.Add((int)(pulses[next++] - offset));
            analyzer.Process(samples.AsSpan(offset, length), inChunk.ToArray(), ref sink);
        }
        return result;
    }

    private static double PacedShare(Result result, IReadOnlyList<WfdbAnnotation> reference)
    {
        var paced = reference.Where(a => a.Code == AnnotationCode.Pace && a.Sample >= 300 * Fs).ToList();
        int called = paced.Count(a => result.Beats.Any(b => Math.Abs(b.SampleIndex - a.Sample) <= 0.15 * Fs && b.Class == BeatClass.Paced));
        return 100.0 * called / paced.Count;
    }

    /// <summary>
    /// 102's paced beats are narrow by the classifier's measure (111 ms) and are its dominant beat: without pulses 12 %
    /// are called paced (the rest N). With the pulses, measured 99.94 %; its 4 PVCs, which have no pulse, stay V.
    /// </summary>
    [Fact]
    public void Beats_after_a_reported_pulse_are_paced_whatever_their_shape()
    {
        var result = Analyse(Signal("102"), PulsesOf("102"));
        var pvcs = Reference("102").Where(a => a.Code == AnnotationCode.Pvc && a.Sample >= 300 * Fs).ToList();

        Assert.True(PacedShare(result, Reference("102")) >= 99, $"{PacedShare(result, Reference("102")):F2} % paced");
        Assert.All(pvcs, pvc => Assert.Contains(result.Beats, b => Math.Abs(b.SampleIndex - pvc.Sample) <= 0.15 * Fs && b.Class == BeatClass.Ventricular));
        Assert.DoesNotContain(result.Events, e => e.Condition == RhythmCondition.PacerNotCapture);
    }

    /// <summary>
    /// 107 from 10:00 to 12:00 with three paced complexes in a row replaced by the baseline before them, their pulses
    /// still reported: the pacemaker fired and nothing answered. Pacer not capture is declared at the first of them and
    /// ends with the next captured pulse; on the untouched stretch it is not declared.
    /// </summary>
    [Fact]
    public void A_pulse_that_no_qrs_follows_is_pacer_not_capture()
    {
        long from = 600 * Fs, to = 720 * Fs;
        short[] samples = Signal("107")[(int)from..(int)to];
        long[] pulses = [.. PulsesOf("107").Where(p => p >= from && p < to).Select(p => p - from)];
        Assert.DoesNotContain(Analyse(samples, pulses).Events, e => e.Condition == RhythmCondition.PacerNotCapture);

        // Three complexes at about 60 s: from 60 ms before the first pulse to 60 ms before the fourth, the baseline
        // with a little amplifier noise (a constant would read as a flat line).
        int first = Array.FindIndex(pulses, p => p >= 60 * Fs);
        int blankFrom = (int)pulses[first] - Fs * 6 / 100, blankTo = (int)pulses[first + 3] - Fs * 6 / 100;
        var noise = new Random(7);
        for (int i = blankFrom; i < blankTo; i++) samples[i] = (short)(samples[blankFrom] + noise.Next(-3, 4));
        var events = Analyse(samples, pulses).Events.Where(e => e.Condition == RhythmCondition.PacerNotCapture).ToList();

        Assert.Equal(2, events.Count);
        Assert.True(events[0].Onset);
        Assert.Equal(pulses[first], events[0].SampleIndex);
        Assert.False(events[1].Onset);
        Assert.Equal(pulses[first + 3], events[1].SampleIndex);
        Assert.Equal(3, events[1].BeatCount);
    }

    [Fact]
    public void A_pulse_outside_the_chunk_is_refused()
    {
        var analyzer = new EcgAnalyzer(new QrsDetectorSettings(Fs, 200), pacedPatient: true);
        var sink = new Collecting(new Result([], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => analyzer.Process(new short[90], [90], ref sink));
    }
}
