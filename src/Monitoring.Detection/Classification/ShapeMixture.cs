namespace Monitoring.Detection.Classification;

/// <summary>
/// How well one learned QRS shape is explained as a weighted sum of the dominant beat's shape and another learned shape
/// (least squares on the shapes less their means).
/// </summary>
/// <param name="ExplainedShare">R²: the share of the shape's variance the best such sum explains (NaN when there is no
/// other shape to try).</param>
/// <param name="DominantShare">The dominant shape's weight over the sum of both weights (0 or 1 when a weight is negative).</param>
/// <param name="SingleShapeExplainedShare">The best R² of the dominant shape or the other shape alone.</param>
public readonly record struct ShapeMixture(double ExplainedShare, double DominantShare, double SingleShapeExplainedShare)
{
    public static ShapeMixture None { get; } = new(double.NaN, double.NaN, double.NaN);
}
