using System.CommandLine;
using Monitoring.Evaluation;
using Monitoring.Wfdb;

namespace Monitoring.Cli.Commands;

/// <summary>
/// <c>evaluate --ref &lt;dir&gt; --test &lt;dir&gt; --ext &lt;ext&gt; [--records ...] [--from 300]</c>: EC57 beat-by-beat
/// comparison of test annotations against the reference (<c>.atr</c>) of each record, with gross and average statistics;
/// the run-by-run statistics of ventricular ectopic runs (couplets, short runs of 3-5, long runs of 6 or more); then,
/// when the test annotations mark atrial fibrillation (<c>(AFIB</c> rhythm annotations), ventricular fibrillation
/// (<c>[</c> <c>]</c>) or ventricular tachycardia (<c>(VT</c>), the EC57 episode and duration statistics of those
/// episodes (epicmp).
/// </summary>
public static class EvaluateCommand
{
    public static Command Create()
    {
        var reference = new Option<string>("--ref") { Required = true, Description = "Directory with the records' .hea and reference .atr files" };
        var test = new Option<string>("--test") { Required = true, Description = "Directory with the test annotation files" };
        var extension = new Option<string>("--ext") { DefaultValueFactory = _ => "test", Description = "Extension of the test annotation files" };
        var records = new Option<string[]>("--records") { AllowMultipleArgumentsPerToken = true, Description = "Records to score (default: every record with a test file)" };
        var from = new Option<double>("--from") { DefaultValueFactory = _ => 300, Description = "Start of scoring in seconds (EC57: 300)" };
        var command = new Command("evaluate", "Score test annotations against reference annotations (ANSI/AAMI EC57).")
        {
            reference, test, extension, records, from,
        };
        command.SetAction(parse => Run(parse.GetValue(reference)!, parse.GetValue(test)!, parse.GetValue(extension)!,
            parse.GetValue(records), parse.GetValue(from), Console.Out));
        return command;
    }

    public static int Run(string referenceDirectory, string testDirectory, string extension, IReadOnlyList<string>? records,
        double fromSeconds, TextWriter output)
    {
        IReadOnlyList<string> names = records is { Count: > 0 } ? records : FindRecords(testDirectory, extension);
        if (names.Count == 0)
        {
            output.WriteLine($"No '*.{extension}' annotation files in {testDirectory}.");
            return 1;
        }

        var options = new Ec57Options(FromSeconds: fromSeconds);
        var episodeOptions = new EpisodeOptions(FromSeconds: fromSeconds);
        var comparisons = new List<RecordComparison>(names.Count);
        var atrialFibrillation = new List<EpisodeComparison>(names.Count);
        var ventricularFibrillation = new List<EpisodeComparison>(names.Count);
        var ventricularTachycardia = new List<EpisodeComparison>(names.Count);
        var runs = new List<RunComparison>(names.Count);
        bool testMarksAf = false, testMarksVf = false, testMarksVt = false;
        foreach (string name in names)
        {
            WfdbHeader header = WfdbRecordReader.ReadHeader(Path.Combine(referenceDirectory, name));
            var referenceAnnotations = WfdbAnnotationReader.Read(Path.Combine(referenceDirectory, $"{name}.atr"));
            var testAnnotations = WfdbAnnotationReader.Read(Path.Combine(testDirectory, $"{name}.{extension}"));
            double fs = header.SamplingFrequency;
            long end = RecordEnd(header, referenceAnnotations);
            comparisons.Add(Ec57Comparer.Compare(name, referenceAnnotations, testAnnotations, fs, options));
            atrialFibrillation.Add(EpisodeComparer.AtrialFibrillation(name, referenceAnnotations, testAnnotations, fs, end, episodeOptions));
            ventricularFibrillation.Add(EpisodeComparer.VentricularFibrillation(name, referenceAnnotations, testAnnotations, fs, end, episodeOptions));
            ventricularTachycardia.Add(EpisodeComparer.VentricularTachycardia(name, referenceAnnotations, testAnnotations, fs, end, episodeOptions));
            runs.Add(RunComparer.Compare(name, referenceAnnotations, testAnnotations, fs, options));
            testMarksAf |= RhythmEpisodes.Rhythm(testAnnotations, RhythmEpisodes.AtrialFibrillation, end).Count > 0;
            testMarksVf |= RhythmEpisodes.VentricularFibrillation(testAnnotations, end).Count > 0;
            testMarksVt |= RhythmEpisodes.Rhythm(testAnnotations, RhythmEpisodes.VentricularTachycardia, end).Count > 0;
        }

        var summary = Ec57Summary.From(comparisons, new HashSet<string>(Ec57.PacedMitdbRecords));
        output.WriteLine($"EC57 beat-by-beat comparison, scored from {fromSeconds:0.#} s, match window {options.MatchWindowSeconds * 1000:0} ms");
        output.Write(Ec57Report.FormatTable(summary));
        output.WriteLine();
        output.WriteLine($"Runs of ventricular ectopic beats (run-by-run comparison), scored from {fromSeconds:0.#} s: couplets (2), short runs (3-5), long runs (6+); gross without the paced records");
        output.Write(RunReport.FormatTable(runs, Ec57.PacedMitdbRecords));
        if (testMarksAf) WriteEpisodes(output, "Atrial fibrillation", fromSeconds, atrialFibrillation);
        if (testMarksVf) WriteEpisodes(output, "Ventricular flutter/fibrillation", fromSeconds, ventricularFibrillation);
        if (testMarksVt) WriteEpisodes(output, "Ventricular tachycardia", fromSeconds, ventricularTachycardia);
        return 0;
    }

    private static void WriteEpisodes(TextWriter output, string rhythm, double fromSeconds, List<EpisodeComparison> records)
    {
        output.WriteLine();
        output.WriteLine($"{rhythm} episodes (EC57 episode-by-episode comparison), scored from {fromSeconds:0.#} s");
        output.Write(EpisodeReport.FormatTable(EpisodeSummary.From(records)));
    }

    /// <summary>The record length from the header, or the last reference annotation when the header omits it (as epicmp).</summary>
    private static long RecordEnd(WfdbHeader header, IReadOnlyList<WfdbAnnotation> reference) =>
        header.SampleCount > 0 ? header.SampleCount : reference.Select(a => a.Sample).DefaultIfEmpty(0).Max();

    private static List<string> FindRecords(string directory, string extension) =>
        Directory.EnumerateFiles(directory, $"*.{extension}")
            .Select(path => Path.GetFileNameWithoutExtension(path))
            .Order(StringComparer.Ordinal)
            .ToList();
}
