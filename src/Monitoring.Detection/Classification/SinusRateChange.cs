namespace Monitoring.Detection.Classification;

/// <summary>
/// Tells the rhythm itself at a new rate from a run of atrial premature beats. When the sinus rate steps up at once
/// (the patient sits up or wakes), the first beats at the new rate come early against the normal RR the classifier
/// knows; while they are called S no interval between two normal beats updates that RR, so without this every later
/// beat would be S too (seen on mitdb 115 at 27:23 and svdb 800; mitdb 207 resampled to 257 Hz called 558 left bundle
/// branch block beats in a row S, and 1,342 at a quarter of its amplitude, where its P wave is lost in quantisation).
/// Two kinds of run are the rhythm, and their beats count as normal from then on until the normal RR has caught up:
/// <list type="bullet">
/// <item><see cref="RunBeats"/> beats in a row called S on their timing at intervals of <see cref="ShortestRrSeconds"/>
/// or longer (100/min or slower): a run of premature supraventricular beats is a tachycardia, so at a normal rate they
/// are not premature;</item>
/// <item><see cref="SinusRunBeats"/> such beats at up to 120/min (<see cref="ShortestSinusRrSeconds"/>) that each show
/// the patient's sinus P wave (correlation at least <see cref="SinusPWaveWindow.PresentCorrelation"/>): sinus
/// tachycardia that began at once. Faster runs stay S: above 120/min the P wave runs into the T wave and its
/// correlation no longer tells sinus beats from ectopic atrial ones (the supraventricular tachycardia of mitdb 209
/// shows a sinus-like P wave on 58-78 % of its beats).</item>
/// </list>
/// Replaying the classifier's decisions on the shared records, the first rule moved 33 svdb beats from S back to N
/// and the second 14 of mitdb and 161 of svdb, each losing no true S beat of mitdb and at most one of svdb (the longest
/// true S run at 100/min or slower, 14 junctional beats of mitdb 124, is called N anyway).
/// </summary>
internal sealed class SinusRateChange(int samplingRateHz)
{
    public const int RunBeats = 12, SinusRunBeats = 8;
    public const double ShortestRrSeconds = 0.6, ShortestSinusRrSeconds = 0.5;

    private readonly long _shortestRr = (long)Math.Round(ShortestRrSeconds * samplingRateHz);
    private readonly long _shortestSinusRr = (long)Math.Round(ShortestSinusRrSeconds * samplingRateHz);
    private int _run, _sinusRun;

    /// <summary>
    /// Takes the next beat's class as decided, with its P-wave correlation and the interval before it; true when it
    /// belongs to a run that is the rhythm at a new rate (to be counted as normal).
    /// </summary>
    public bool IsRhythm(BeatClass decided, double pWaveCorrelation, long rrBeforeSamples)
    {
        bool early = decided == BeatClass.Supraventricular;
        _run = early && rrBeforeSamples >= _shortestRr ? _run + 1 : 0;
        _sinusRun = early && rrBeforeSamples >= _shortestSinusRr && pWaveCorrelation >= SinusPWaveWindow.PresentCorrelation
            ? _sinusRun + 1 : 0;
        return _run >= RunBeats || _sinusRun >= SinusRunBeats;
    }
}
