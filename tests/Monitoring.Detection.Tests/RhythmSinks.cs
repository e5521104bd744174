using Monitoring.Detection.Analysis;
using Monitoring.Detection.Classification;
using Monitoring.Detection.Qrs;
using Monitoring.Detection.Rhythm;

namespace Monitoring.Detection.Tests;

/// <summary>Keeps every rhythm event it is given, in order.</summary>
internal readonly struct CollectingRhythmSink() : IRhythmSink
{
    public List<RhythmEvent> List { get; } = [];

    public void OnRhythmEvent(in RhythmEvent rhythmEvent) => List.Add(rhythmEvent);
}

/// <summary>Counts rhythm events without keeping them (allocation-free).</summary>
internal struct CountingRhythmSink : IRhythmSink
{
    public int Count;

    public void OnRhythmEvent(in RhythmEvent rhythmEvent) => Count++;
}

/// <summary>Keeps the rhythm events of a whole analysis, in order; beats are not kept.</summary>
internal readonly struct CollectingAnalysisSink() : IAnalysisSink
{
    public List<RhythmEvent> List { get; } = [];

    public void OnBeat(in QrsBeat beat) { }

    public void OnClassifiedBeat(in ClassifiedBeat beat) { }

    public void OnRhythmEvent(in RhythmEvent rhythmEvent) => List.Add(rhythmEvent);
}
