namespace Monitoring.Detection.Classification;

/// <summary>
/// For each of the patient's QRS shapes, how many of its beats were counted and how many of them showed some trait (came
/// early, reset the sinus rhythm...): what one beat cannot tell, the beats of a shape can. Fixed memory, one slot per
/// learned shape.
/// </summary>
internal sealed class ShapeTally
{
    private readonly int[] _counted = new int[QrsShapes.Capacity];
    private readonly int[] _shown = new int[QrsShapes.Capacity];

    /// <summary>The shape in this slot is new: what was counted belonged to the one it replaced.</summary>
    public void Forget(int shape)
    {
        _counted[shape] = 0;
        _shown[shape] = 0;
    }

    public void Add(int shape, bool showsTrait)
    {
        _counted[shape]++;
        if (showsTrait) _shown[shape]++;
    }

    /// <summary>Share of the shape's counted beats that showed the trait; <paramref name="untilCounted"/> until <paramref name="enough"/> were counted.</summary>
    public double Share(int shape, int enough, double untilCounted) =>
        _counted[shape] >= enough ? (double)_shown[shape] / _counted[shape] : untilCounted;
}
