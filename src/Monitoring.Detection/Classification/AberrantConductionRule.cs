namespace Monitoring.Detection.Classification;

/// <summary>
/// When a wide early beat is an atrial premature beat conducted with aberration (EC57 class S) rather than a PVC. The
/// aberrant beat looks ventricular (a bundle-branch-block shape, wider than the dominant beat), so shape alone calls it
/// V; its timing tells it apart. An atrial impulse discharges the sinus node, which starts a new cycle from it: the
/// interval after the early beat is about one normal cycle, and the two intervals around it add up to less than two
/// (a pause that is not compensatory). A PVC seldom reaches the sinus node: the sinus beat it hides is blocked, the next
/// one comes on schedule, and the two intervals add up to two normal cycles (a compensatory pause), or to one when the
/// PVC is interpolated. One beat's pause is weak evidence (sinus arrhythmia moves it, and some PVCs conduct back to the
/// atria), but a patient's aberrant beats come back with the same shape, so the evidence is gathered per shape
/// (<see cref="ShapeTally"/>): a beat called V on its shape is S when it is early (RR under the classifier's
/// premature ratio of the normal RR) and at least <see cref="AberrantShapeResetShare"/> of the early beats of its shape
/// (over <see cref="JudgedBeats"/> at least, each after a normal beat in a regular rhythm) had a resetting pause: the
/// two intervals together <see cref="ResetSumFrom"/> to <see cref="ResetSumTo"/> normal RR, the one after it at least
/// <see cref="ResetAfterFrom"/>. The early beats counted are those after a normal beat in sinus rhythm (a regular
/// pattern, or most beats showing the sinus P wave): in atrial fibrillation there is no sinus node to reset. Once a
/// shape is known to be aberrant, its early beats are S in any rhythm (the Ashman beats of atrial fibrillation).
/// Fitted on the shared records, from the intervals of every early beat after a normal one, replayed per shape
/// (mitdb 22 non-paced and svdb 39 records, from 5:00): with these values 25 mitdb beats called V become S, all of them
/// the aberrated atrial beats of mitdb 201, and 5 of svdb's atrial beats, with no PVC lost; a band up to 1.70 or 1.75
/// normal RR, or a share of 0.35-0.5, turned 2-46 PVCs of svdb 804 (pauses of 1.6-1.9 cycles around them) into S.
/// Measured: mitdb VEB +P 92.69 → 93.34 % (Se 95.05 unchanged), SVEB 81.10 / 74.67 → 83.56 / 75.76 %; svdb VEB
/// 82.01 / 88.32 → 82.01 / 88.44 %, SVEB 68.66 / 64.62 → 68.73 / 64.65 %. Judging early beats in any rhythm as well
/// turned 4 more of 201's aberrated beats into S (replay: no PVC of mitdb or svdb lost).
/// </summary>
public static class AberrantConductionRule
{
    public const double ResetSumFrom = 1.2, ResetSumTo = 1.65, ResetAfterFrom = 0.9;
    public const double AberrantShapeResetShare = 0.6;
    public const int JudgedBeats = 10;

    /// <summary>Whether the intervals around an early beat (in samples) reset the sinus rhythm of interval <paramref name="normalRr"/>.</summary>
    public static bool IsResetPause(long rrBefore, long rrAfter, double normalRr) =>
        normalRr > 0 && rrAfter > 0
        && rrBefore + rrAfter >= ResetSumFrom * normalRr && rrBefore + rrAfter < ResetSumTo * normalRr
        && rrAfter >= ResetAfterFrom * normalRr;

    /// <summary>Whether an early beat called V is aberrantly conducted, given how often its shape's early beats reset the rhythm.</summary>
    public static bool IsAberrant(double shapeResetShare) => shapeResetShare >= AberrantShapeResetShare;
}
