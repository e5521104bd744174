namespace Monitoring.Detection.Pacing;

/// <summary>
/// Pacemaker pulse rejection (IEC 60601-2-27): the trace of each pulse the device reported is taken out of the signal
/// before analysis, by holding the last sample before it for <see cref="BlankingSeconds"/>. Otherwise a pulse that
/// captures nothing, steep and a few milliseconds wide, is counted as a QRS: loss of capture then looks like a paced
/// rhythm, and neither pacer not capture nor asystole is declared. The QRS a pulse captures starts after the pulse
/// and is left whole. Works on a copy (the caller's samples are not changed); allocation-free after construction.
/// </summary>
public sealed class PacePulseBlanker
{
    /// <summary>Held from the pulse's first sample on: the pulse (up to 2 ms) and the first of its recharge tail.</summary>
    public const double BlankingSeconds = 0.012;

    private readonly int _blankingSamples;
    private readonly short[] _buffer;
    private long _next;            // stream index of the next sample
    private long _blankUntil;      // first stream index no longer held
    private short _held, _last;

    /// <param name="samplingRateHz">Stream sampling rate.</param>
    /// <param name="maxChunk">Longest chunk <see cref="Blank"/> takes.</param>
    public PacePulseBlanker(int samplingRateHz, int maxChunk)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samplingRateHz);
        _blankingSamples = Math.Max(2, (int)Math.Ceiling(BlankingSeconds * samplingRateHz));
        _buffer = new short[maxChunk];
    }

    /// <summary>
    /// The next chunk of the stream with its pulses held over: those of <paramref name="pulseOffsets"/> (in increasing
    /// order) that lie in the chunk once <paramref name="offsetOfChunk"/> is taken from them (a caller cutting a longer
    /// chunk in parts passes all its pulses and where each part starts). A hold that runs past the chunk's end goes on
    /// in the next one. The returned span is valid until the next call.
    /// </summary>
    public ReadOnlySpan<short> Blank(ReadOnlySpan<short> samples, ReadOnlySpan<int> pulseOffsets, int offsetOfChunk = 0)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(samples.Length, _buffer.Length, nameof(samples));
        Span<short> output = _buffer.AsSpan(0, samples.Length);
        samples.CopyTo(output);
        if (_next == 0 && !samples.IsEmpty) _last = samples[0];
        int pulse = 0;
        while (pulse < pulseOffsets.Length && pulseOffsets[pulse] < offsetOfChunk) pulse++;
        for (int i = 0; i < output.Length; i++)
        {
            long index = _next + i;
            for (; pulse < pulseOffsets.Length && pulseOffsets[pulse] - offsetOfChunk <= i; pulse++)
            {
                if (index >= _blankUntil) _held = _last;    // a pulse inside a hold keeps the value held already
                _blankUntil = index + _blankingSamples;
            }
            if (index < _blankUntil) output[i] = _held;
            _last = output[i];
        }
        _next += samples.Length;
        return output;
    }
}
