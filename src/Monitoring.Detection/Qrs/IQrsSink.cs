namespace Monitoring.Detection.Qrs;

/// <summary>
/// Receives the detector's output. Implement it on a struct and pass it by reference: the call is then
/// devirtualised and nothing is allocated per beat.
/// </summary>
public interface IQrsSink
{
    void OnBeat(in QrsBeat beat);

    /// <summary>The signal became unreadable (<paramref name="noisy"/> true) or readable again, from <paramref name="sampleIndex"/> on.</summary>
    void OnSignalQuality(long sampleIndex, bool noisy);
}
