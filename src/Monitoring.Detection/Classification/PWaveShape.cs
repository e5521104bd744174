namespace Monitoring.Detection.Classification;

/// <summary>
/// The sinus P wave of one patient's lead, learned online: the average of the stretch from 300 to 100 ms before the
/// QRS (where the P wave lies for a PR interval of 120-200 ms) of beats that are shaped like the dominant beat and come
/// on time. A premature atrial beat starts from another focus, so its P wave differs (or is hidden in the T wave
/// before it); a sinus beat that is only a little early keeps the sinus P wave. Fixed memory, allocation-free.
/// </summary>
internal sealed class PWaveShape
{
    public const int Length = 36;
    public const double FromSeconds = 0.30, ToSeconds = 0.10;
    private const int EstablishedMembers = 8;
    private const float Learning = 1.0f / 16;

    private readonly float[] _template = new float[Length];
    private readonly float[] _segment = new float[Length];
    private int _members;

    /// <summary>The current segment (fill it, then call <see cref="Measure"/>).</summary>
    public Span<float> Segment => _segment;

    /// <summary>
    /// Correlation of the segment with the learned P wave (1 while fewer than 8 beats have taught it, so that an
    /// unknown P wave is never taken for a different one); with <paramref name="learn"/>, the segment then teaches it.
    /// </summary>
    public double Measure(bool learn)
    {
        double mean = 0;
        for (int i = 0; i < Length; i++) mean += _segment[i];
        mean /= Length;
        double product = 0, segmentNorm = 0, templateNorm = 0;
        for (int i = 0; i < Length; i++)
        {
            float x = _segment[i] - (float)mean;
            _segment[i] = x;
            product += x * _template[i];
            segmentNorm += x * x;
            templateNorm += _template[i] * _template[i];
        }
        double correlation = _members < EstablishedMembers ? 1
            : segmentNorm > 0 && templateNorm > 0 ? product / Math.Sqrt(segmentNorm * templateNorm) : 0;
        if (learn)
        {
            for (int i = 0; i < Length; i++) _template[i] += (_segment[i] - _template[i]) * Learning;
            if (_members < EstablishedMembers) _members++;
        }
        return correlation;
    }
}
