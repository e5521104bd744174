using System.CommandLine;
using Monitoring.Detection.Qrs;
using Monitoring.Wfdb;

namespace Monitoring.Cli.Commands;

/// <summary><c>analyze &lt;record&gt;</c>: the beats of one lead with RR interval and instantaneous heart rate, then a summary.</summary>
public static class AnalyzeCommand
{
    public static Command Create()
    {
        var record = new Argument<string>("record") { Description = "Record path without extension" };
        var lead = new Option<int>("--lead") { DefaultValueFactory = _ => 0, Description = "Signal index to analyse" };
        var command = new Command("analyze", "Print the beats and heart rate of a record.") { record, lead };
        command.SetAction(parse => Run(parse.GetValue(record)!, parse.GetValue(lead), Console.Out));
        return command;
    }

    public static int Run(string recordPath, int lead, TextWriter output)
    {
        WfdbSignals signals = WfdbRecordReader.ReadSignals(recordPath);
        RecordDetection detection = RecordDetection.Run(signals, lead);
        double fs = detection.SamplingFrequency;
        output.WriteLine($"record {detection.RecordName}, lead {lead} ({signals.Header.Signals[lead].Description}), {fs} Hz, {detection.SampleCount / fs:F0} s");
        output.WriteLine("    time      sample   RR ms   HR bpm");
        long previous = -1;
        foreach (QrsBeat beat in detection.Beats)
        {
            string rr = "", hr = "";
            if (previous >= 0)
            {
                double seconds = (beat.SampleIndex - previous) / fs;
                rr = (seconds * 1000).ToString("F0");
                hr = (60 / seconds).ToString("F0");
            }
            output.WriteLine($"{FormatTime(beat.SampleIndex / fs),10} {beat.SampleIndex,10} {rr,7} {hr,8}");
            previous = beat.SampleIndex;
        }
        double minutes = detection.SampleCount / fs / 60;
        output.WriteLine($"{detection.Beats.Count} beats in {minutes:F1} min: mean heart rate {detection.Beats.Count / minutes:F0} bpm");
        return 0;
    }

    private static string FormatTime(double seconds) => TimeSpan.FromSeconds(seconds).ToString(@"m\:ss\.fff");
}
