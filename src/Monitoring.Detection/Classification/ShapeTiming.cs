namespace Monitoring.Detection.Classification;

/// <summary>
/// For each of the patient's wide QRS shapes, how often its beats came clearly early: a PVC shape's beats often do, a
/// pacemaker's hardly ever (see <see cref="PacedRule"/>).
/// </summary>
internal sealed class ShapeTiming
{
    private readonly ShapeTally _premature = new();

    /// <summary>The shape in this slot is new: what was counted belonged to the one it replaced.</summary>
    public void Forget(int shape) => _premature.Forget(shape);

    public void Add(int shape, BeatClass decided, double qrsWidthSeconds, long rrBeforeSamples, double rhythmRrSamples)
    {
        if (!PacedRule.IsWide(decided, qrsWidthSeconds) || rhythmRrSamples <= 0 || rrBeforeSamples <= 0) return;
        _premature.Add(shape, rrBeforeSamples < PacedRule.ClearlyPrematureRatio * rhythmRrSamples);
    }

    /// <summary>Share of the shape's wide beats that came clearly early; 0 until a few were counted.</summary>
    public double PrematureShare(int shape) => _premature.Share(shape, PacedRule.JudgedBeats, untilCounted: 0);
}
