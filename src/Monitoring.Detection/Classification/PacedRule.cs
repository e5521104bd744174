namespace Monitoring.Detection.Classification;

/// <summary>
/// Which beats of a patient set as paced are paced beats (EC57 class Q) rather than ventricular ectopic ones. A
/// ventricular pacemaker's beats are wide and unlike the patient's conducted beats, so without this they are called
/// PVCs, and a paced rhythm is a ventricular rhythm or a run of VT (on the shared paced mitdb records, 104 gave 1,246
/// false PVCs and 136 ventricular-rhythm episodes). What tells a paced beat from a PVC here is its timing: a pacemaker
/// fires when the heart's own beat is due and has not come (at its escape interval, or tracking the sinus P wave), never
/// early; a PVC comes early. A beat is paced when all hold:
/// <list type="bullet">
/// <item>it is wide: the classifier would call it V, or its QRS is at least <see cref="WideQrsSeconds"/> (a paced
/// rhythm the classifier learned as the dominant beat);</item>
/// <item>it is not premature: its RR interval is at least <see cref="OnTimeRatio"/> of the rhythm's (the median of the
/// recent intervals between two normal or paced beats);</item>
/// <item>its shape is not a PVC's: under <see cref="PvcShapePrematureShare"/> of the wide beats of its shape came
/// clearly early (under <see cref="ClearlyPrematureRatio"/> of the rhythm's interval), once <see cref="JudgedBeats"/>
/// were counted (<see cref="ShapeTiming"/>). A late PVC of a shape that usually comes early stays V.</item>
/// </list>
/// Monitors also detect the pacemaker's pulse itself, in the acquisition hardware at thousands of samples a second;
/// a stream at a few hundred samples a second, band-limited by the device, keeps only a blurred trace of it (mitdb 102
/// and 104 show one, 107 and 217 merge it into the QRS), so the stream is not searched for it. When the device reports
/// its pulses (<see cref="Analysis.EcgAnalyzer"/>), a beat with a pulse from <see cref="PulseBeforeQrsSeconds"/> before
/// to <see cref="PulseAfterQrsSeconds"/> after its fiducial point is paced whatever its shape and timing. Pulses are
/// taken as ventricular: an atrial pulse 120-150 ms before a conducted beat would make it paced too. Known limits: a
/// PVC that comes late, or a ventricular escape beat, of a shape that seldom comes early is called paced; a conducted
/// beat with a QRS of 130 ms or more (bundle branch block) is called paced in a paced patient. Thresholds from the per-beat timing and widths of
/// the four shared paced mitdb records (102, 104, 107, 217), the only paced records there are here; the shape vote's
/// share was chosen on them and on the 22 non-paced ones analysed as paced (a mistaken setting): shares 0.2 / 0.1 /
/// 0.05 leave the paced records' labels as without the vote (104: 3 paced beats called V) and give non-paced VEB Se
/// 79.74 / 90.51 / 93.50 % (68.98 without the vote, 95.05 without the setting); 0.05 adds two ventricular runs to 217.
/// The share is judged over 20 beats: over 4, a single early beat among a paced shape's first few held it back (mitdb
/// 104 streamed from 5:00 raised a ventricular-rhythm alarm after 29 s). With 20: non-paced VEB Se 89.39 %, and 4 of
/// 107's 57 PVCs called paced (1 over 4).
/// </summary>
public static class PacedRule
{
    /// <summary>
    /// Where a reported pacemaker pulse makes a beat paced, whatever its shape and timing: from this long before the
    /// beat's fiducial point (a paced QRS peaks 40-150 ms after the pulse) to this long after it (the detector may
    /// put the fiducial point of a paced complex before the pulse: up to 95 ms in mitdb 102).
    /// </summary>
    public const double PulseBeforeQrsSeconds = 0.15, PulseAfterQrsSeconds = 0.10;

    public const double OnTimeRatio = 0.88;
    public const double WideQrsSeconds = 0.13;
    public const double PvcShapePrematureShare = 0.1, ClearlyPrematureRatio = 0.8;
    public const int JudgedBeats = 20;

    /// <param name="decided">The class the shape and timing gave.</param>
    /// <param name="qrsWidthSeconds">The width of the beat's QRS shape.</param>
    /// <param name="rrBeforeSamples">The interval from the beat before (0 for the first beat).</param>
    /// <param name="rhythmRrSamples">The rhythm's interval (0 while unknown).</param>
    /// <param name="shapePrematureShare">Share of the wide beats of the beat's shape that came premature (see <see cref="ShapeTiming"/>).</param>
    public static bool IsPaced(BeatClass decided, double qrsWidthSeconds, long rrBeforeSamples, double rhythmRrSamples, double shapePrematureShare = 0) =>
        IsWide(decided, qrsWidthSeconds) && IsOnTime(rrBeforeSamples, rhythmRrSamples) && shapePrematureShare < PvcShapePrematureShare;

    public static bool IsWide(BeatClass decided, double qrsWidthSeconds) =>
        decided == BeatClass.Ventricular || (decided == BeatClass.Normal && qrsWidthSeconds >= WideQrsSeconds);

    public static bool IsOnTime(long rrBeforeSamples, double rhythmRrSamples) =>
        rhythmRrSamples <= 0 || rrBeforeSamples <= 0 || rrBeforeSamples >= OnTimeRatio * rhythmRrSamples;
}
