namespace Monitoring.Detection.Classification;

/// <summary>
/// Which beats of a patient set as paced are paced beats (EC57 class Q) rather than ventricular ectopic ones. A
/// ventricular pacemaker's beats are wide and unlike the patient's conducted beats, so without this they are called
/// PVCs, and a paced rhythm is a ventricular rhythm or a run of VT (on the shared paced mitdb records, 104 gave 1,246
/// false PVCs and 136 ventricular-rhythm episodes). What tells a paced beat from a PVC here is its timing: a pacemaker
/// fires when the heart's own beat is due and has not come (at its escape interval, or tracking the sinus P wave), never
/// early; a PVC comes early. A beat is paced when both hold:
/// <list type="bullet">
/// <item>it is wide: the classifier would call it V, or its QRS is at least <see cref="WideQrsSeconds"/> (a paced
/// rhythm the classifier learned as the dominant beat);</item>
/// <item>it is not premature: its RR interval is at least <see cref="OnTimeRatio"/> of the rhythm's (the median of the
/// recent intervals between two normal or paced beats).</item>
/// </list>
/// Monitors also detect the pacemaker's pulse itself, in the acquisition hardware at thousands of samples a second;
/// a stream at a few hundred samples a second, band-limited by the device, keeps only a blurred trace of it (mitdb 102
/// and 104 show one, 107 and 217 merge it into the QRS), so it is not used. Known limits: a PVC that comes late, or a
/// ventricular escape beat, is called paced; a conducted beat with a QRS of 130 ms or more (bundle branch block) is
/// called paced in a paced patient. Thresholds from the per-beat timing and widths of the four shared paced mitdb
/// records (102, 104, 107, 217), the only paced records there are here.
/// </summary>
public static class PacedRule
{
    public const double OnTimeRatio = 0.88;
    public const double WideQrsSeconds = 0.13;

    /// <param name="decided">The class the shape and timing gave.</param>
    /// <param name="qrsWidthSeconds">The width of the beat's QRS shape.</param>
    /// <param name="rrBeforeSamples">The interval from the beat before (0 for the first beat).</param>
    /// <param name="rhythmRrSamples">The rhythm's interval (0 while unknown).</param>
    public static bool IsPaced(BeatClass decided, double qrsWidthSeconds, long rrBeforeSamples, double rhythmRrSamples)
    {
        bool wide = decided == BeatClass.Ventricular || (decided == BeatClass.Normal && qrsWidthSeconds >= WideQrsSeconds);
        bool onTime = rhythmRrSamples <= 0 || rrBeforeSamples <= 0 || rrBeforeSamples >= OnTimeRatio * rhythmRrSamples;
        return wide && onTime;
    }
}
