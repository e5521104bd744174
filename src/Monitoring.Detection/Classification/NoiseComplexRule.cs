namespace Monitoring.Detection.Classification;

/// <summary>
/// Tells a noise spike that the QRS detector took for a beat from a real beat, in noisy signal. Electrode motion and
/// muscle noise as large as the QRS make the detector report extra complexes between the real ones; those do not look
/// like the patient's beats, and removing them leaves the rhythm as it was. A detected complex is noise when all hold:
/// <list type="bullet">
/// <item>the detector's noise level was high when it accepted it (<see cref="NoisyLevel"/>, see
/// <see cref="Qrs.QrsBeat.NoiseToQrsLevel"/>; clean ECG reads under it);</item>
/// <item>either it is unlike the dominant beat (correlation under <see cref="UnlikeCorrelation"/>) and a neighbour
/// closer than <see cref="TooCloseShare"/> of the recent RR interval looks more like the dominant beat than it does
/// (the complex after it only when that one also comes nearer the time the beat is due); or it is not much like the
/// dominant beat (under <see cref="LikeCorrelation"/>), the complex after it follows too closely, and that one comes
/// on time (within <see cref="OnTimeShare"/> of the recent RR interval after the beat before) while this one does
/// not, and looks about as much like the dominant beat (at most <see cref="CorrelationMargin"/> less). "Looks like"
/// compares <see cref="Likeness"/>: the correlation less a penalty for being wider than the dominant beat, since
/// electrode-motion complexes are wide and the real beat, distorted by the same noise, keeps its narrow QRS;</item>
/// <item>its two neighbours are less than <see cref="OneIntervalShare"/> RR intervals apart (by the shorter of the
/// dominant-beat and any-beat intervals): without it the rhythm is whole. A PVC is followed by a compensatory pause,
/// so its neighbours are about two intervals apart;</item>
/// <item>it does not repeat the shape of the beat before it: the second PVC of a couplet or a beat of a ventricular
/// run is ectopy, not noise.</item>
/// </list>
/// The caller applies it only where there is a rhythm to compare with (see <see cref="IrregularRhythm"/>); the recent
/// RR interval is that of beats shaped like the dominant one, which the noise complexes left in do not shorten as
/// much as they shorten the interval between any two complexes. A complex found by search-back has its own rule
/// (<see cref="IsSearchBackNoise"/>).
/// Thresholds were read off the beat-by-beat comparison of mitdb and nstdb 118 (noise levels per beat, shape
/// correlations of true and false detections).
/// </summary>
public static class NoiseComplexRule
{
    public const double NoisyLevel = 0.10;

    /// <summary>
    /// Irregularity of the intervals between beats shaped like the dominant one (see
    /// <see cref="RecentIntervals.Irregularity"/>) above which the rule does not apply: in atrial fibrillation an
    /// ectopic beat may come at any time, and the noise inserted between beats does not enter those intervals.
    /// </summary>
    public const double IrregularRhythm = 0.5;
    public const double UnlikeCorrelation = 0.6;
    public const double TooCloseShare = 0.6;
    public const double OneIntervalShare = 1.4;
    public const double LikeCorrelation = 0.9;
    public const double OnTimeShare = 0.2;
    public const double CorrelationMargin = 0.2;

    /// <summary>Likeness lost per dominant-beat width by which a complex is wider than the dominant beat (up to three widths).</summary>
    public const double WidthPenalty = 0.4;
    private const double MaxWidthRatio = 3;

    /// <summary>Neighbours of a search-back complex closer than this many RR intervals: without it the rhythm is whole.</summary>
    public const double SearchBackOneIntervalShare = 1.5;
    /// <summary>A search-back complex at least this much like the dominant beat is kept.</summary>
    public const double SearchBackLikeCorrelation = 0.9;
    /// <summary>A search-back complex this many times as tall as the dominant beat (peak to peak) or taller is kept.</summary>
    public const double SearchBackTallRatio = 1.2;

    /// <summary>How much a complex looks like the dominant beat: its correlation, less <see cref="WidthPenalty"/> per
    /// dominant-beat width by which it is wider.</summary>
    /// <param name="correlation">Correlation with the dominant beat.</param>
    /// <param name="widthRatio">The complex's QRS width over the dominant beat's (0 when unknown: no penalty).</param>
    public static double Likeness(double correlation, double widthRatio) =>
        correlation - WidthPenalty * Math.Max(0, Math.Min(widthRatio, MaxWidthRatio) - 1);

    /// <summary>
    /// Whether a complex found by search-back in noise is noise. Search-back takes the largest candidate the
    /// threshold left when no beat has come for 1.5 RR intervals; in noise as large as the QRS that is mostly a noise
    /// peak (on the 26 mitdb records with electrode-motion noise at 6 dB, five of six search-back complexes were
    /// false). It is noise when the detector's noise level is high, it is not shaped like the dominant beat (under
    /// <see cref="SearchBackLikeCorrelation"/>) nor taller than it (<see cref="SearchBackTallRatio"/>: a beat the
    /// threshold missed because the noise raised it is as tall as the others), and its neighbours are less than
    /// <see cref="SearchBackOneIntervalShare"/> RR intervals apart (search-back fills a gap; a real missed beat leaves
    /// its neighbours about two intervals apart).
    /// </summary>
    public static bool IsSearchBackNoise(double noiseToQrsLevel, double correlation, double heightRatio, long rrBefore, long rrAfter, double recentRr) =>
        noiseToQrsLevel >= NoisyLevel && correlation < SearchBackLikeCorrelation && heightRatio < SearchBackTallRatio
        && rrBefore + rrAfter < SearchBackOneIntervalShare * recentRr;

    /// <summary>Decides whether the complex between two others is noise.</summary>
    /// <param name="noiseToQrsLevel">The detector's noise-to-QRS level when it accepted the complex.</param>
    /// <param name="correlation">Correlation of the complex with the dominant beat.</param>
    /// <param name="likeness">Its <see cref="Likeness"/> to the dominant beat.</param>
    /// <param name="previousLikeness"><see cref="Likeness"/> of the beat before it.</param>
    /// <param name="nextLikeness"><see cref="Likeness"/> of the complex after it.</param>
    /// <param name="previousRrBefore">Interval from the beat before the previous one to the previous one, in samples (0 if none).</param>
    /// <param name="rrBefore">Interval from the beat before it, in samples.</param>
    /// <param name="rrAfter">Interval to the complex after it, in samples.</param>
    /// <param name="recentRr">The recent RR interval between beats shaped like the dominant one (median), in samples.</param>
    /// <param name="recentAnyRr">The recent interval between any two beats (median), in samples.</param>
    /// <param name="repeatsPreviousShape">Whether it has the same established shape as the beat before it.</param>
    public static bool IsNoise(double noiseToQrsLevel, double correlation, double likeness, double previousLikeness, double nextLikeness,
        long previousRrBefore, long rrBefore, long rrAfter, double recentRr, double recentAnyRr, bool repeatsPreviousShape)
    {
        // Whole without it even by the shorter of the two intervals: noise left in shortens the interval between any two
        // beats, and a PVC whose compensatory pause holds a noise complex must not look inserted.
        if (noiseToQrsLevel < NoisyLevel || repeatsPreviousShape
            || rrBefore + rrAfter >= OneIntervalShare * Math.Min(recentRr, recentAnyRr)) return false;
        double nextLate = Math.Abs(rrBefore + rrAfter - recentRr), thisLate = Math.Abs(rrBefore - recentRr);
        bool crowdsNext = rrAfter < TooCloseShare * recentRr && nextLikeness > likeness && nextLate < thisLate;
        bool previousOnTime = previousRrBefore > (1 - OnTimeShare) * recentRr;
        bool crowdsPrevious = rrBefore < TooCloseShare * recentRr && previousLikeness > likeness && previousOnTime;
        if (correlation < UnlikeCorrelation && (crowdsNext || crowdsPrevious)) return true;

        bool nextOnTime = nextLate < OnTimeShare * recentRr && nextLate < thisLate;
        return correlation < LikeCorrelation && rrAfter < TooCloseShare * recentRr && nextOnTime
            && nextLikeness > likeness - CorrelationMargin;
    }
}
