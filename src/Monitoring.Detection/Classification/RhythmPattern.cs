namespace Monitoring.Detection.Classification;

/// <summary>
/// How irregular the rhythm is once repeating patterns are allowed for: each RR interval counts as irregular unless it
/// is within <see cref="MatchShare"/> of one of the <see cref="PatternLength"/> intervals before it (of their mean), so
/// an isolated early beat makes two irregular intervals (its coupling interval and the pause after it), and bigeminy
/// or trigeminy, which repeat every two or three beats, none; atrial fibrillation makes most intervals irregular.
/// The share of irregular intervals among the last <see cref="Window"/> (0 until that many were seen) is
/// <see cref="Irregularity"/>. Fixed memory, allocation-free.
/// </summary>
internal sealed class RhythmPattern
{
    public const int Window = 32;
    public const int PatternLength = 3;
    public const double MatchShare = 0.08;

    private readonly long[] _recent = new long[PatternLength];
    private readonly bool[] _irregular = new bool[Window];
    private int _seen, _next, _irregularCount;

    /// <summary>Share of irregular intervals among the last <see cref="Window"/> (0 until the window is full).</summary>
    public double Irregularity => _seen >= Window + PatternLength ? _irregularCount / (double)Window : 0;

    public void Add(long rr)
    {
        if (_seen >= PatternLength)
        {
            bool irregular = true;
            for (int k = 0; k < PatternLength; k++)
            {
                long before = _recent[k];
                if (Math.Abs(rr - before) <= MatchShare * (rr + before) / 2) { irregular = false; break; }
            }
            if (_seen >= PatternLength + Window && _irregular[_next]) _irregularCount--;
            _irregular[_next] = irregular;
            if (irregular) _irregularCount++;
            _next = (_next + 1) % Window;
        }
        for (int k = PatternLength - 1; k > 0; k--) _recent[k] = _recent[k - 1];
        _recent[0] = rr;
        _seen = Math.Min(_seen + 1, int.MaxValue - 1);
    }
}
