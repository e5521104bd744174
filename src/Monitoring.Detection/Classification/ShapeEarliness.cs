namespace Monitoring.Detection.Classification;

/// <summary>
/// For each of the patient's QRS shapes, how many of its beats came early (RR under the classifier's premature ratio of
/// the normal RR): a PVC shape's beats mostly do; a shape that is one of the patient's conducted beats (another axis
/// with respiration, a rate-related conduction change) mostly comes on time. Fixed memory, one slot per learned shape.
/// </summary>
internal sealed class ShapeEarliness
{
    /// <summary>Beats of a shape counted before its share of early beats is trusted.</summary>
    public const int JudgedBeats = 10;

    private readonly int[] _beats = new int[QrsShapes.Capacity];
    private readonly int[] _early = new int[QrsShapes.Capacity];

    /// <summary>The shape in this slot is new: what was counted belonged to the one it replaced.</summary>
    public void Forget(int shape)
    {
        _beats[shape] = 0;
        _early[shape] = 0;
    }

    public void Add(int shape, bool early)
    {
        _beats[shape]++;
        if (early) _early[shape]++;
    }

    /// <summary>Share of the shape's beats that came early; 1 (no evidence of the contrary) until <see cref="JudgedBeats"/> were counted.</summary>
    public double EarlyShare(int shape) => _beats[shape] >= JudgedBeats ? (double)_early[shape] / _beats[shape] : 1;
}
