namespace Monitoring.Detection.Qrs;

/// <summary>
/// Receives the detector's output. Implement it on a struct and pass it by reference: the call is then
/// devirtualised and nothing is allocated per beat.
/// </summary>
public interface IQrsSink
{
    void OnBeat(in QrsBeat beat);
}
