namespace Monitoring.Detection.Classification;

/// <summary>
/// For each of the patient's QRS shapes, how often its early beats (after a normal beat, in a regular rhythm) were
/// followed by a pause that reset the sinus rhythm rather than a compensatory one (see <see cref="AberrantConductionRule"/>).
/// Fixed memory, one slot per learned shape.
/// </summary>
internal sealed class ShapePauses
{
    private readonly int[] _judged = new int[QrsShapes.Capacity];
    private readonly int[] _reset = new int[QrsShapes.Capacity];

    /// <summary>The shape in this slot is new: what was counted belonged to the one it replaced.</summary>
    public void Forget(int shape)
    {
        _judged[shape] = 0;
        _reset[shape] = 0;
    }

    public void Add(int shape, bool resetPause)
    {
        _judged[shape]++;
        if (resetPause) _reset[shape]++;
    }

    /// <summary>Share of the shape's judged early beats whose pause reset the rhythm; 0 until a few were judged.</summary>
    public double ResetShare(int shape) =>
        _judged[shape] >= AberrantConductionRule.JudgedBeats ? (double)_reset[shape] / _judged[shape] : 0;
}
