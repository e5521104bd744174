namespace Monitoring.Detection.Rhythm;

/// <summary>Receives rhythm condition changes; implement it on a struct to keep the call allocation-free.</summary>
public interface IRhythmSink
{
    void OnRhythmEvent(in RhythmEvent rhythmEvent);
}
