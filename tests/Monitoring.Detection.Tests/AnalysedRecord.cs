using Monitoring.Cli;
using Monitoring.Wfdb;

namespace Monitoring.Detection.Tests;

/// <summary>A shared record run through the whole analysis (first lead), with its reference annotations.</summary>
internal sealed record AnalysedRecord(RecordAnalysis Analysis, IReadOnlyList<WfdbAnnotation> Reference)
{
    public static AnalysedRecord Of(string database, string record)
    {
        string path = SharedData.Record(database, record);
        return new AnalysedRecord(RecordAnalysis.Run(WfdbRecordReader.ReadSignals(path)), WfdbAnnotationReader.Read(path + ".atr"));
    }
}
