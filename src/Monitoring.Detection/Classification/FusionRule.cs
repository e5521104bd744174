namespace Monitoring.Detection.Classification;

/// <summary>
/// When a complex that looks ventricular is a fusion beat (EC57 class F) instead: the sinus impulse and a ventricular
/// one depolarise the ventricles together, so the complex is part normal, part PVC. Fusion beats of one patient come
/// back alike and the classifier learns them as a shape of their own, wider than the dominant beat and fairly like it
/// (correlation around 0.85), which is why they were called V. What tells them apart is the shape itself: a weighted sum
/// of the dominant shape and one of the patient's other wide shapes (the PVC's; see <see cref="ShapeMixture"/>)
/// explains it far better than either alone. A beat that would be V is F when its shape is such a mixture:
/// <list type="bullet">
/// <item>the sum explains at least <see cref="MinimumExplainedShare"/> of the shape's variance;</item>
/// <item>at least <see cref="MinimumGainOverOneShape"/> more than the dominant or the other shape alone;</item>
/// <item>the dominant shape weighs <see cref="LowestDominantShare"/> to <see cref="HighestDominantShare"/> of the sum:
/// mostly the normal beat, with a clear ventricular part.</item>
/// </list>
/// Thresholds from the per-beat features of the beats called V on the shared mitdb (22 non-paced) and svdb records,
/// joined to the reference: of mitdb's 256 fusion beats called V, 211 meet them, against 5 true PVCs (all 208) and 2
/// normal beats; on svdb (no fusion beat called V) 7 PVCs of 865. PVC shapes alone, even multiform ones, are not
/// mostly the dominant beat (share 0 at the median).
/// </summary>
public static class FusionRule
{
    public const double MinimumExplainedShare = 0.90;
    public const double MinimumGainOverOneShape = 0.15;
    public const double LowestDominantShare = 0.5, HighestDominantShare = 0.8;

    public static bool IsFusion(in ShapeMixture mixture) =>
        mixture.ExplainedShare >= MinimumExplainedShare
        && mixture.ExplainedShare - mixture.SingleShapeExplainedShare >= MinimumGainOverOneShape
        && mixture.DominantShare >= LowestDominantShare && mixture.DominantShare <= HighestDominantShare;
}
