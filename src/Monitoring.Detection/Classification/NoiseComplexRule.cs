namespace Monitoring.Detection.Classification;

/// <summary>
/// Tells a noise spike that the QRS detector took for a beat from a real beat, in noisy signal. Electrode motion and
/// muscle noise as large as the QRS make the detector report extra complexes between the real ones; those do not look
/// like the patient's beats, and removing them leaves the rhythm as it was. A detected complex is noise when all hold:
/// <list type="bullet">
/// <item>the detector's noise level was high when it accepted it (<see cref="NoisyLevel"/>, see
/// <see cref="Qrs.QrsBeat.NoiseToQrsLevel"/>; clean ECG reads under it);</item>
/// <item>either it is unlike the dominant beat (correlation under <see cref="UnlikeCorrelation"/>) and a neighbour
/// closer than <see cref="TooCloseShare"/> of the recent RR interval looks more like the dominant beat than it does;
/// or it is not much like the dominant beat (under <see cref="LikeCorrelation"/>), the complex after it follows too
/// closely, and that one comes on time (within <see cref="OnTimeShare"/> of the recent RR interval after the beat
/// before) while this one does not, and looks about as much like the dominant beat (at most
/// <see cref="CorrelationMargin"/> less);</item>
/// <item>its two neighbours are less than <see cref="OneIntervalShare"/> RR intervals apart: without it the rhythm is
/// whole. A PVC is followed by a compensatory pause, so its neighbours are about two intervals apart;</item>
/// <item>it does not repeat the shape of the beat before it: the second PVC of a couplet or a beat of a ventricular
/// run is ectopy, not noise.</item>
/// </list>
/// The caller applies it only where there is a rhythm to compare with (see <see cref="IrregularRhythm"/>).
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
    public const double UnlikeCorrelation = 0.5;
    public const double TooCloseShare = 0.6;
    public const double OneIntervalShare = 1.4;
    public const double LikeCorrelation = 0.8;
    public const double OnTimeShare = 0.2;
    public const double CorrelationMargin = 0.2;

    /// <summary>Decides whether the complex between two others is noise.</summary>
    /// <param name="noiseToQrsLevel">The detector's noise-to-QRS level when it accepted the complex.</param>
    /// <param name="correlation">Correlation of the complex with the dominant beat.</param>
    /// <param name="previousCorrelation">Correlation of the beat before it with the dominant beat.</param>
    /// <param name="nextCorrelation">Correlation of the complex after it with the dominant beat.</param>
    /// <param name="previousRrBefore">Interval from the beat before the previous one to the previous one, in samples (0 if none).</param>
    /// <param name="rrBefore">Interval from the beat before it, in samples.</param>
    /// <param name="rrAfter">Interval to the complex after it, in samples.</param>
    /// <param name="recentRr">The recent RR interval (median), in samples.</param>
    /// <param name="repeatsPreviousShape">Whether it has the same established shape as the beat before it.</param>
    public static bool IsNoise(double noiseToQrsLevel, double correlation, double previousCorrelation, double nextCorrelation,
        long previousRrBefore, long rrBefore, long rrAfter, double recentRr, bool repeatsPreviousShape)
    {
        if (noiseToQrsLevel < NoisyLevel || repeatsPreviousShape || rrBefore + rrAfter >= OneIntervalShare * recentRr) return false;
        bool crowdsNext = rrAfter < TooCloseShare * recentRr && nextCorrelation > correlation;
        bool previousOnTime = previousRrBefore > (1 - OnTimeShare) * recentRr;
        bool crowdsPrevious = rrBefore < TooCloseShare * recentRr && previousCorrelation > correlation && previousOnTime;
        if (correlation < UnlikeCorrelation && (crowdsNext || crowdsPrevious)) return true;

        double nextLate = Math.Abs(rrBefore + rrAfter - recentRr), thisLate = Math.Abs(rrBefore - recentRr);
        bool nextOnTime = nextLate < OnTimeShare * recentRr && nextLate < thisLate;
        return correlation < LikeCorrelation && rrAfter < TooCloseShare * recentRr && nextOnTime
            && nextCorrelation > correlation - CorrelationMargin;
    }
}
