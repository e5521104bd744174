namespace Monitoring.Detection.Classification;

/// <summary>
/// For each of the patient's wide QRS shapes, how often its beats came clearly early: a PVC shape's beats often do, a
/// pacemaker's hardly ever (see <see cref="PacedRule"/>). Fixed memory, one slot per learned shape.
/// </summary>
internal sealed class ShapeTiming
{
    private readonly int[] _wideBeats = new int[QrsShapes.Capacity];
    private readonly int[] _premature = new int[QrsShapes.Capacity];

    /// <summary>The shape in this slot is new: what was counted belonged to the one it replaced.</summary>
    public void Forget(int shape)
    {
        _wideBeats[shape] = 0;
        _premature[shape] = 0;
    }

    public void Add(int shape, BeatClass decided, double qrsWidthSeconds, long rrBeforeSamples, double rhythmRrSamples)
    {
        if (!PacedRule.IsWide(decided, qrsWidthSeconds) || rhythmRrSamples <= 0 || rrBeforeSamples <= 0) return;
        _wideBeats[shape]++;
        if (rrBeforeSamples < PacedRule.ClearlyPrematureRatio * rhythmRrSamples) _premature[shape]++;
    }

    /// <summary>Share of the shape's wide beats that came clearly early; 0 until a few were counted.</summary>
    public double PrematureShare(int shape) =>
        _wideBeats[shape] >= PacedRule.JudgedBeats ? (double)_premature[shape] / _wideBeats[shape] : 0;
}
