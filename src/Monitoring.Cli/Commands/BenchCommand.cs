using System.CommandLine;
using System.Diagnostics;
using Monitoring.Detection.Analysis;
using Monitoring.Detection.Classification;
using Monitoring.Detection.Qrs;
using Monitoring.Detection.Rhythm;
using Monitoring.Wfdb;

namespace Monitoring.Cli.Commands;

/// <summary>
/// <c>bench &lt;record&gt; [--seconds N]</c>: single-thread throughput and allocation of the whole analysis
/// (<see cref="EcgAnalyzer"/>: detection, classification, heart rate, rhythm conditions) over the first lead,
/// after a warm-up, with no file I/O in the timed part.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var record = new Argument<string>("record") { Description = "Record path without extension, e.g. ../shared/ecg/mitdb/208" };
        var seconds = new Option<double>("--seconds") { Description = "How long to run the timed part", DefaultValueFactory = _ => 10 };
        var command = new Command("bench", "Measure samples per second and bytes allocated per sample on one thread.") { record, seconds };
        command.SetAction(parse => Run(parse.GetValue(record)!, parse.GetValue(seconds), Console.Out));
        return command;
    }

    public static int Run(string recordPath, double seconds, TextWriter output)
    {
        WfdbSignals signals = WfdbRecordReader.ReadSignals(recordPath);
        short[] samples = signals.GetSignal(0);
        var settings = new QrsDetectorSettings((int)Math.Round(signals.Header.SamplingFrequency), signals.GetGain(0));
        var sink = new CountingSink();

        // Warm-up: the same timed loop on a throw-away analyzer, so the JIT has compiled it to its final tier.
        RunFor(new EcgAnalyzer(settings), samples, ref sink, Math.Min(1.0, seconds));

        var analyzer = new EcgAnalyzer(settings);
        sink = new CountingSink();
        using var process = Process.GetCurrentProcess();
        TimeSpan cpuBefore = process.TotalProcessorTime;
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var (processed, elapsed) = RunFor(analyzer, samples, ref sink, seconds);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        process.Refresh();
        TimeSpan cpu = process.TotalProcessorTime - cpuBefore;

        double samplesPerSecond = processed / elapsed.TotalSeconds;
        output.WriteLine($"record={signals.Header.RecordName} fs={settings.SamplingRateHz} samples={processed} beats={sink.Beats} ventricular={sink.Ventricular} rhythm-events={sink.RhythmEvents} elapsed={elapsed.TotalSeconds:F2}s");
        output.WriteLine($"real-time channels per core at {settings.SamplingRateHz} Hz: {samplesPerSecond / settings.SamplingRateHz:F0}");
        // Per CPU second of the process: on a busy machine wall time also counts the time the thread waited for a core.
        output.WriteLine($"samples per CPU second={processed / cpu.TotalSeconds:F0} (cpu={cpu.TotalSeconds:F2}s)");
        output.WriteLine($"samples/s={samplesPerSecond:F0} bytes/sample={(double)allocated / processed:G3}");
        return 0;
    }

    /// <summary>Feeds the whole record again and again, continuing one stream, until <paramref name="seconds"/> have passed.</summary>
    private static (long Samples, TimeSpan Elapsed) RunFor(EcgAnalyzer analyzer, short[] samples, ref CountingSink sink, double seconds)
    {
        long processed = 0;
        long start = Stopwatch.GetTimestamp();
        TimeSpan elapsed;
        do
        {
            analyzer.Process(samples, ref sink);
            processed += samples.Length;
            elapsed = Stopwatch.GetElapsedTime(start);
        }
        while (elapsed.TotalSeconds < seconds);
        return (processed, elapsed);
    }

    private struct CountingSink : IAnalysisSink
    {
        public long Beats, Ventricular, RhythmEvents;

        public void OnBeat(in QrsBeat beat) => Beats++;

        public void OnClassifiedBeat(in ClassifiedBeat beat)
        {
            if (beat.Class == BeatClass.Ventricular) Ventricular++;
        }

        public void OnRhythmEvent(in RhythmEvent rhythmEvent) => RhythmEvents++;
    }
}
