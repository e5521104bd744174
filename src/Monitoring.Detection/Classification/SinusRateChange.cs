namespace Monitoring.Detection.Classification;

/// <summary>
/// Tells sinus rhythm at a new rate from a run of atrial premature beats. When the sinus rate steps up at once (the
/// patient sits up or wakes), the first beats at the new rate come early against the normal RR the classifier knows;
/// while they are called S no interval between two normal beats updates that RR, so without this every later beat
/// would be S too (seen on mitdb 115 at 27:23, svdb 800, and on mitdb 207 resampled to 257 Hz, where 558 left bundle
/// branch block beats in a row were called S). A run of <see cref="RunBeats"/> beats called S on their timing that each
/// show the patient's sinus P wave (correlation at least <see cref="SinusPWaveWindow.PresentCorrelation"/>), at
/// intervals of <see cref="ShortestRrSeconds"/> or longer, is sinus rhythm: its beats count as normal from then on
/// until the normal RR has caught up. Faster runs stay S: above 120/min the P wave runs into the T wave and its
/// correlation no longer tells sinus beats from ectopic atrial ones (the supraventricular tachycardia of mitdb 209 shows
/// a sinus-like P wave on 58-78 % of its beats). On the shared records with the classifier's decisions replayed, runs of
/// 8 such beats moved 14 mitdb and 161 svdb beats from S back to N and no true S beat of mitdb (one of svdb).
/// </summary>
internal sealed class SinusRateChange(int samplingRateHz)
{
    public const int RunBeats = 8;
    public const double ShortestRrSeconds = 0.5;

    private readonly long _shortestRr = (long)Math.Round(ShortestRrSeconds * samplingRateHz);
    private int _run;

    /// <summary>
    /// Takes the next beat's class as decided, with its P-wave correlation and the interval before it; true when it is a
    /// sinus beat of a run at a new rate (to be counted as normal).
    /// </summary>
    public bool IsSinus(BeatClass decided, double pWaveCorrelation, long rrBeforeSamples)
    {
        bool earlySinusLooking = decided == BeatClass.Supraventricular
            && pWaveCorrelation >= SinusPWaveWindow.PresentCorrelation && rrBeforeSamples >= _shortestRr;
        _run = earlySinusLooking ? _run + 1 : 0;
        return _run >= RunBeats;
    }
}
