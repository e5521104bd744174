using Monitoring.Detection.Classification;
using Monitoring.Detection.Qrs;
using Monitoring.Detection.Rhythm;

namespace Monitoring.Detection.Analysis;

/// <summary>
/// Receives everything the analysis of one lead reports: each detected beat as soon as it is found (with its
/// detection latency), the same beat classified once the next one has come, and rhythm conditions.
/// </summary>
public interface IAnalysisSink : IQrsSink, IBeatSink, IRhythmSink
{
}
