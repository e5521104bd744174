using System.CommandLine;
using Monitoring.Evaluation;
using Monitoring.Wfdb;

namespace Monitoring.Cli.Commands;

/// <summary>
/// <c>noise-stress &lt;record&gt;... --noise &lt;noise-record&gt; [--snr 12 6] [--lead 0]</c>: adds a noise record to each
/// record as the Noise Stress Test Database does (<see cref="NoiseStress"/>) at each signal-to-noise ratio, streams the
/// result through the analysis and prints the EC57 beat-by-beat table (beat labels, from 5:00): the noise stress test
/// on any annotated record, not only the two of nstdb.
/// </summary>
public static class NoiseStressCommand
{
    public static Command Create()
    {
        var records = new Argument<string[]>("record") { Arity = ArgumentArity.OneOrMore, Description = "Annotated record paths without extension" };
        var noise = new Option<string>("--noise") { Required = true, Description = "Noise record path (e.g. nstdb/em)" };
        var snrs = new Option<double[]>("--snr") { AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [12, 6], Description = "Signal-to-noise ratios in dB" };
        var lead = new Option<int>("--lead") { DefaultValueFactory = _ => 0, Description = "Signal index to analyse (the same index of the noise record is added)" };
        var command = new Command("noise-stress", "Score the analysis on records with noise added as in the MIT-BIH Noise Stress Test.") { records, noise, snrs, lead };
        command.SetAction(parse => Run(parse.GetValue(records)!, parse.GetValue(noise)!, parse.GetValue(snrs)!, parse.GetValue(lead), Console.Out));
        return command;
    }

    public static int Run(IReadOnlyList<string> records, string noiseRecord, IReadOnlyList<double> snrs, int lead, TextWriter output)
    {
        short[] noise = WfdbRecordReader.ReadSignals(noiseRecord).GetSignal(lead);
        foreach (double snr in snrs)
        {
            var comparisons = new List<RecordComparison>();
            foreach (string record in records)
            {
                WfdbSignals signals = WfdbRecordReader.ReadSignals(record);
                comparisons.Add(Score(signals, WfdbAnnotationReader.Read(record + ".atr"), noise, snr, lead));
            }
            output.WriteLine($"{Path.GetFileName(noiseRecord)} noise at {snr:0.#} dB SNR");
            output.WriteLine(Ec57Report.FormatTable(Ec57Summary.From(comparisons, Ec57.PacedMitdbRecords)));
        }
        return 0;
    }

    /// <summary>Mixes the noise into one lead of a record at the given ratio, analyses it and compares its beat labels with the reference.</summary>
    public static RecordComparison Score(WfdbSignals signals, IReadOnlyList<WfdbAnnotation> reference, short[] noise, double snrDb, int lead = 0)
    {
        double fs = signals.Header.SamplingFrequency;
        var beats = reference.Where(a => AnnotationCode.IsBeat(a.Code)).Select(a => a.Sample);
        short[] mixed = NoiseStress.Mix(signals.GetSignal(lead), beats, noise, snrDb, fs);
        var analysis = RecordAnalysis.Run(signals.Header.RecordName, mixed, fs, signals.GetGain(lead));
        return Ec57Comparer.Compare(signals.Header.RecordName, reference, AnalysisAnnotations.Beats(analysis), fs, Ec57Options.Standard);
    }
}
