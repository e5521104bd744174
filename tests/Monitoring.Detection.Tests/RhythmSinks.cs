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
