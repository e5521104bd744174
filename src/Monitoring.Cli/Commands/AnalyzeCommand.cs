using System.CommandLine;
using Monitoring.Detection.Qrs;
using Monitoring.Detection.Rhythm;
using Monitoring.Wfdb;

namespace Monitoring.Cli.Commands;

/// <summary>
/// <c>analyze &lt;record&gt;</c>: the beats of one lead with RR interval, beat-to-beat rate and the rate a monitor
/// displays, the rhythm conditions (pause, asystole, brady- and tachycardia) where they begin and end, then a summary.
/// </summary>
public static class AnalyzeCommand
{
    public static Command Create()
    {
        var record = new Argument<string>("record") { Description = "Record path without extension" };
        var lead = new Option<int>("--lead") { DefaultValueFactory = _ => 0, Description = "Signal index to analyse" };
        var mains = PatientOptions.CreateMains();
        var paced = PatientOptions.CreatePaced();
        var command = new Command("analyze", "Print the beats and heart rate of a record.") { record, lead, mains, paced };
        command.SetAction(parse => Run(parse.GetValue(record)!, parse.GetValue(lead), Console.Out, parse.GetValue(mains), parse.GetValue(paced)));
        return command;
    }

    public static int Run(string recordPath, int lead, TextWriter output, double mainsFrequencyHz = 0, bool pacedPatient = false)
    {
        WfdbSignals signals = WfdbRecordReader.ReadSignals(recordPath);
        RecordAnalysis analysis = RecordAnalysis.Run(signals, lead, mainsFrequencyHz: mainsFrequencyHz, pacedPatient: pacedPatient);
        double fs = analysis.SamplingFrequency;
        output.WriteLine($"record {analysis.RecordName}, lead {lead} ({signals.Header.Signals[lead].Description}), {fs} Hz, {analysis.SampleCount / fs:F0} s");
        output.WriteLine("    time      sample   RR ms  beat bpm  monitor bpm");

        long previous = -1;
        int nextEvent = 0;
        // Ectopy onsets are dated back to the run's first beat: print every condition in time order.
        var events = analysis.RhythmEvents.OrderBy(e => e.SampleIndex).ToList();
        var kept = analysis.ClassifiedBeats.Select(b => b.SampleIndex).ToHashSet();
        foreach (QrsBeat beat in analysis.Beats)
        {
            if (!kept.Contains(beat.SampleIndex))
            {
                output.WriteLine($"{FormatTime(beat.SampleIndex / fs),10} {beat.SampleIndex,10}  noise complex, left out");
                continue;
            }
            for (; nextEvent < events.Count && events[nextEvent].SampleIndex <= beat.SampleIndex; nextEvent++)
            {
                output.WriteLine(Describe(events[nextEvent], fs));
            }

            string rr = "", instant = "";
            if (previous >= 0)
            {
                double seconds = (beat.SampleIndex - previous) / fs;
                rr = (seconds * 1000).ToString("F0");
                instant = (60 / seconds).ToString("F0");
            }
            output.WriteLine($"{FormatTime(beat.SampleIndex / fs),10} {beat.SampleIndex,10} {rr,7} {instant,9} {DisplayedRate(analysis, beat.SampleIndex),12}");
            previous = beat.SampleIndex;
        }
        for (; nextEvent < events.Count; nextEvent++) output.WriteLine(Describe(events[nextEvent], fs));

        double minutes = analysis.SampleCount / fs / 60;
        int beats = analysis.ClassifiedBeats.Count;
        output.WriteLine($"{beats} beats in {minutes:F1} min: mean heart rate {beats / minutes:F0} bpm; {analysis.NoiseComplexes} noise complexes left out; {Latency(analysis)}");
        return 0;
    }

    /// <summary>How long after its R wave each beat was reported, after the learning period (search-back beats counted apart).</summary>
    private static string Latency(RecordAnalysis analysis)
    {
        long learning = (long)(QrsDetector.LearningSeconds * analysis.SamplingFrequency);
        var latencies = analysis.Beats
            .Where(b => !b.FoundBySearchBack && b.SampleIndex >= learning)
            .Select(b => b.EmittedAtSample - b.SampleIndex).Order().ToList();
        if (latencies.Count == 0) return "no beats";
        double Ms(long samples) => samples * 1000 / analysis.SamplingFrequency;
        int searchBack = analysis.Beats.Count(b => b.FoundBySearchBack);
        return $"reported after the R wave: median {Ms(latencies[latencies.Count / 2]):F0} ms, " +
            $"99th percentile {Ms(latencies[(int)(latencies.Count * 0.99)]):F0} ms, max {Ms(latencies[^1]):F0} ms; {searchBack} found by search-back";
    }

    /// <summary>The rate the monitor displayed during the second the beat falls in ("--" while unknown).</summary>
    private static string DisplayedRate(RecordAnalysis analysis, long sampleIndex)
    {
        int second = (int)(sampleIndex / analysis.SamplingFrequency);
        double? rate = second < analysis.DisplayedHeartRate.Count ? analysis.DisplayedHeartRate[second] : null;
        return rate is { } bpm ? bpm.ToString("F0") : "--";
    }

    private static string Describe(RhythmEvent e, double fs)
    {
        string what = e.Onset ? "begins" : "ends";
        string evidence = e.Condition switch
        {
            RhythmCondition.Asystole or RhythmCondition.Pause or RhythmCondition.MissedBeat => $", no QRS for {e.IntervalSamples / fs:F1} s",
            RhythmCondition.PvcsPerMinute => $", {e.BeatCount} PVCs within a minute",
            RhythmCondition.VentricularFibrillation when e.Onset => $", waves at {e.HeartRateBpm:F0}/min",
            RhythmCondition.VentricularFibrillation => $", lasted {e.IntervalSamples / fs:F0} s",
            _ when e.BeatCount > 0 && e.HeartRateBpm is { } rate => $", {e.BeatCount} beats at {rate:F0} bpm",
            _ when e.BeatCount > 0 => $", {e.BeatCount} beats",
            _ when e.HeartRateBpm is { } bpm => $", heart rate {bpm:F0} bpm",
            _ => "",
        };
        return $"  ** {FormatTime(e.SampleIndex / fs)} {e.Condition} {what}{evidence}";
    }

    private static string FormatTime(double seconds) => TimeSpan.FromSeconds(seconds).ToString(@"m\:ss\.fff");
}
