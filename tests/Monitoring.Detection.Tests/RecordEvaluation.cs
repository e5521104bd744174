using Monitoring.Cli;
using Monitoring.Evaluation;
using Monitoring.Wfdb;

namespace Monitoring.Detection.Tests;

/// <summary>
/// Streams shared records through the whole analysis and scores its beat labels with EC57 (QRS detection and beat
/// classification; the VF marks are left out, or EC57 would also charge false fibrillation episodes to QRS sensitivity).
/// </summary>
internal static class RecordEvaluation
{
    public static Ec57Summary Run(string database, Ec57Options options, Func<string, bool>? include = null)
    {
        var comparisons = new List<RecordComparison>();
        foreach (string name in SharedData.Records(database).Where(include ?? (_ => true)))
        {
            string path = SharedData.Record(database, name);
            var analysis = RecordAnalysis.Run(WfdbRecordReader.ReadSignals(path));
            var reference = WfdbAnnotationReader.Read(path + ".atr");
            comparisons.Add(Ec57Comparer.Compare(name, reference, AnalysisAnnotations.Beats(analysis), analysis.SamplingFrequency, options));
        }
        return Ec57Summary.From(comparisons, Ec57.PacedMitdbRecords);
    }
}
