namespace Monitoring.Detection.Classification;

/// <summary>Receives classified beats; implement it on a struct to keep the call allocation-free.</summary>
public interface IBeatSink
{
    void OnClassifiedBeat(in ClassifiedBeat beat);
}
