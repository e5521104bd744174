using System.CommandLine;
using System.Globalization;
using Monitoring.Wfdb;

namespace Monitoring.Cli.Commands;

/// <summary>
/// <c>annotate &lt;record&gt;... --out &lt;file-or-dir&gt; [--ext test] [--mains 50|60] [--paced]</c>: streams each record through the detector in
/// 250 ms chunks and writes the beats, rhythm changes and VF/flutter episodes (<see cref="AnalysisAnnotations"/>) as a
/// WFDB annotation file, or as CSV <c>sample,label</c> for a <c>.csv</c> name (rhythm changes labelled with their name).
/// </summary>
public static class AnnotateCommand
{
    public static Command Create()
    {
        var records = new Argument<string[]>("record") { Arity = ArgumentArity.OneOrMore, Description = "Record paths without extension" };
        var output = new Option<string>("--out") { Required = true, Description = "Output file (one record) or directory (several records)" };
        var extension = new Option<string>("--ext") { DefaultValueFactory = _ => "test", Description = "Annotator name (file extension) in a directory" };
        var lead = new Option<int>("--lead") { DefaultValueFactory = _ => 0, Description = "Signal index to analyse" };
        var mains = PatientOptions.CreateMains();
        var paced = PatientOptions.CreatePaced();
        var command = new Command("annotate", "Detect beats in records and write them as annotations.") { records, output, extension, lead, mains, paced };
        command.SetAction(parse => Run(parse.GetValue(records)!, parse.GetValue(output)!, parse.GetValue(extension)!, parse.GetValue(lead), Console.Out,
            parse.GetValue(mains), parse.GetValue(paced)));
        return command;
    }

    public static int Run(IReadOnlyList<string> records, string output, string extension, int lead, TextWriter log, double mainsFrequencyHz = 0, bool pacedPatient = false)
    {
        bool toDirectory = records.Count > 1 || Directory.Exists(output) || output.EndsWith('/') || output.EndsWith(Path.DirectorySeparatorChar);
        if (toDirectory) Directory.CreateDirectory(output);

        foreach (string record in records)
        {
            WfdbSignals signals = WfdbRecordReader.ReadSignals(record);
            RecordAnalysis analysis = RecordAnalysis.Run(signals, lead, mainsFrequencyHz: mainsFrequencyHz, pacedPatient: pacedPatient);
            string path = toDirectory ? Path.Combine(output, $"{Path.GetFileName(record)}.{extension}") : output;
            if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) WriteCsv(path, analysis);
            else WfdbAnnotationWriter.Write(path, AnalysisAnnotations.From(analysis));
            log.WriteLine($"{analysis.RecordName}: {analysis.ClassifiedBeats.Count} beats ({analysis.NoiseComplexes} noise complexes left out) -> {path}");
        }
        return 0;
    }

    private static void WriteCsv(string path, RecordAnalysis analysis)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("sample,label");
        foreach (WfdbAnnotation annotation in AnalysisAnnotations.From(analysis))
        {
            writer.Write(annotation.Sample.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            // A rhythm change is written as its rhythm name, as in the MIT-BIH tables: (AFIB, (VT, (N ...
            writer.WriteLine(annotation.Code == AnnotationCode.Rhythm ? annotation.Aux : AnnotationCode.ToMnemonic(annotation.Code));
        }
    }
}
