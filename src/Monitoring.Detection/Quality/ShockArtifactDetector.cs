using System.Numerics;
using Monitoring.Detection.Qrs;

namespace Monitoring.Detection.Quality;

/// <summary>
/// Finds the trace a defibrillation shock leaves on the ECG: the baseline steps by at least
/// <see cref="StepMillivolts"/> within <see cref="StepSeconds"/>, stays there, and the amplifier then settles back
/// quietly. The QRS detector takes the step for a complex, and often a kink of the slow recovery for another, so that
/// asystole after a shock (the standstill the shock may leave) was declared late, counted from those artifacts
/// (vfdb 430 at 8:44 and 12:55). A step is a shock when all of these hold:
/// <list type="bullet">
/// <item>the level just after it (40-200 ms) and over the half second after that lies at least
/// <see cref="HeldShare"/> of the step beyond the level before it, in the step's direction: a QRS, however tall,
/// comes back to its baseline;</item>
/// <item>0.5-1.0 s after, the level is still <see cref="StillDisplacedMillivolts"/> beyond it: a deep T wave is
/// over by then;</item>
/// <item>for <see cref="QuietSeconds"/> after the step nothing in the trace moves by more than
/// <see cref="QuietSlopeShare"/> of the step within <see cref="StepSeconds"/>: no QRS of any size that matters, and
/// no fibrillation, noise or wander carrying beats (which make the same steps, followed by more of them).</item>
/// </list>
/// Thresholds were read off the five shocks of the shared vfdb 430 and checked on every shared record: besides
/// those, the rule finds 7 steps in the noise at the end of vfdb 424 and 3 in cudb (cu23, cu27, cu35: shocks and
/// saturation), and in mitdb, svdb and nstdb only one clipped excursion (svdb 859). A shock is known
/// <see cref="QuietSeconds"/> after its step, at most a quarter of a second later. Per sample: a vectorised
/// comparison and a block copy; allocation-free after construction.
/// </summary>
public sealed class ShockArtifactDetector
{
    public const double StepSeconds = 0.040, StepMillivolts = 1.0;
    public const double HeldShare = 0.8, StillDisplacedMillivolts = 0.8;
    public const double QuietSeconds = 1.5, QuietSlopeShare = 0.4;

    private const double BeforeSeconds = 0.5, NearSeconds = 0.2, NearGapSeconds = 0.04, HeldFromSeconds = 0.1;
    private const double HeldToSeconds = 0.5, DisplacedToSeconds = 1.0;
    private const int MaxPending = 4;
    private const double PartSeconds = 0.25;   // taken at a time: the ring holds this much more than a judgement reads

    private readonly short[] _ring;
    private readonly int _mask;
    private readonly int _part, _step, _quiet, _before, _near, _nearGap, _heldFrom, _heldTo, _displacedTo;
    private readonly int _stepUnits;
    private readonly double _displacedUnits;
    private readonly long[] _pending = new long[MaxPending];
    private int _pendingCount;
    private long _next, _lastCandidate = long.MinValue / 2;
    private long _shockAt = -1;   // the step of a shock found and not yet taken

    public ShockArtifactDetector(QrsDetectorSettings settings)
    {
        settings.Validate();
        _part = settings.Samples(PartSeconds);
        _step = settings.Samples(StepSeconds);
        _quiet = settings.Samples(QuietSeconds);
        _before = settings.Samples(BeforeSeconds);
        _near = settings.Samples(NearSeconds);
        _nearGap = settings.Samples(NearGapSeconds);
        _heldFrom = settings.Samples(HeldFromSeconds);
        _heldTo = settings.Samples(HeldToSeconds);
        _displacedTo = settings.Samples(DisplacedToSeconds);
        _stepUnits = (int)Math.Ceiling(StepMillivolts * settings.GainUnitsPerMv);
        _displacedUnits = StillDisplacedMillivolts * settings.GainUnitsPerMv;
        int capacity = 1;
        while (capacity < _before + _near + _step + _quiet + _part + 1) capacity <<= 1;
        _ring = new short[capacity];
        _mask = capacity - 1;
    }

    /// <summary>Where the stream stands (samples taken so far).</summary>
    public long SamplesProcessed => _next;

    /// <summary>Takes the next chunk of raw samples.</summary>
    public void Process(ReadOnlySpan<short> samples)
    {
        while (!samples.IsEmpty)
        {
            ReadOnlySpan<short> part = samples[..Math.Min(samples.Length, _part)];
            samples = samples[part.Length..];
            Store(part);
            FindSteps(_next, part.Length);
            _next += part.Length;
            // Judged once the quiet time after the step is all in the ring (the ring holds a part more than needed).
            while (_pendingCount > 0 && _pending[0] + _quiet < _next) Verify();
        }
    }

    /// <summary>Copies a part into the ring, in at most two block copies.</summary>
    private void Store(ReadOnlySpan<short> part)
    {
        int first = (int)(_next & _mask);
        int head = Math.Min(part.Length, _ring.Length - first);
        part[..head].CopyTo(_ring.AsSpan(first));
        part[head..].CopyTo(_ring);
    }

    /// <summary>
    /// Finds where the trace, already in the ring, moves by a step's size within <see cref="StepSeconds"/> over
    /// <paramref name="count"/> samples from <paramref name="from"/>. Vectorised where the ring does not wrap, since
    /// nearly every sample is only compared; the rare hits are looked at one by one.
    /// </summary>
    private void FindSteps(long from, int count)
    {
        int threshold = _stepUnits, start = (int)((from - _step) & _mask), done = 0;
        if (Vector.IsHardwareAccelerated && threshold <= short.MaxValue && start + _step + count <= _ring.Length)
        {
            // In 16 bits: a difference beyond them (a trace that spans more than the ADC's half range) wraps and may
            // go unseen, which only leaves a shock unfound.
            ReadOnlySpan<short> then = _ring.AsSpan(start, count), now = _ring.AsSpan(start + _step, count);
            // A block whose every sample lies within half a second of the last candidate holds none (a tall QRS
            // crosses the threshold over several blocks).
            var limit = new Vector<short>((short)threshold);
            for (; done <= count - Vector<short>.Count; done += Vector<short>.Count)
            {
                if (Vector.LessThanAll(Vector.Abs(new Vector<short>(now[done..]) - new Vector<short>(then[done..])), limit)
                    || from + done + Vector<short>.Count - 1 - _lastCandidate < _before) continue;
                for (int i = done; i < done + Vector<short>.Count; i++) CheckStep(from + i, now[i] - then[i]);
            }
        }
        for (int i = done; i < count; i++)
        {
            int change = _ring[(int)((from + i) & _mask)] - _ring[(int)((from + i - _step) & _mask)];
            if (change >= threshold || change <= -threshold) CheckStep(from + i, change);
        }
    }

    private void CheckStep(long at, int change)
    {
        if (change < _stepUnits && change > -_stepUnits) return;
        // A step candidate at most every half second: the steps of one shock are one candidate.
        if (at < _before + _step || at - _lastCandidate < _before) return;
        _lastCandidate = at;
        if (_pendingCount < MaxPending) _pending[_pendingCount++] = at;
    }

    /// <summary>
    /// Takes the shock found since the last call, if any: its trace runs from <paramref name="traceStart"/> (100 ms
    /// before the step began: the detector may place the complex it saw at the edge of the step) to
    /// <paramref name="traceEnd"/>, the end of the quiet recovery checked.
    /// </summary>
    public bool TryTakeShock(out long traceStart, out long traceEnd)
    {
        traceStart = _shockAt - _step - _heldFrom;
        traceEnd = _shockAt + _quiet;
        bool found = _shockAt >= 0;
        _shockAt = -1;
        return found;
    }

    private void Verify()
    {
        long at = _pending[0];
        _pendingCount--;
        Array.Copy(_pending, 1, _pending, 0, _pendingCount);
        if (IsShock(at)) _shockAt = at;
    }

    private bool IsShock(long at)
    {
        int step = _ring[(int)(at & _mask)] - _ring[(int)((at - _step) & _mask)];
        double held = HeldShare * Math.Abs(step);
        double justBefore = Mean(at - _step - _near, at - _step - _nearGap), justAfter = Mean(at + _nearGap, at + _near);
        if (!Beyond(justAfter - justBefore, step, held)) return false;
        double before = Mean(at - _before, at - _heldFrom);
        if (!Beyond(Mean(at + _heldFrom, at + _heldTo) - before, step, held)) return false;
        if (!Beyond(Mean(at + _heldTo, at + _displacedTo) - before, step, _displacedUnits)) return false;
        double quiet = QuietSlopeShare * Math.Abs(step);
        for (long i = at + _heldFrom; i < at + _quiet; i++)
        {
            if (Math.Abs(_ring[(int)(i & _mask)] - _ring[(int)((i - _step) & _mask)]) >= quiet) return false;
        }
        return true;
    }

    /// <summary>Whether <paramref name="shift"/> goes the way of <paramref name="step"/> by at least <paramref name="least"/>.</summary>
    private static bool Beyond(double shift, int step, double least) => Math.Sign(shift) == Math.Sign(step) && Math.Abs(shift) >= least;

    private double Mean(long from, long to)
    {
        int first = (int)(from & _mask), count = (int)(to - from);
        int head = Math.Min(count, _ring.Length - first);
        return (double)(Sum(_ring.AsSpan(first, head)) + Sum(_ring.AsSpan(0, count - head))) / count;
    }

    /// <summary>Vectorised: every step candidate (a tall QRS is one) is judged on a few hundred samples.</summary>
    private static long Sum(ReadOnlySpan<short> values)
    {
        long sum = 0;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            Vector<int> sums = Vector<int>.Zero;   // a window of a second or two: no overflow
            for (; i <= values.Length - Vector<short>.Count; i += Vector<short>.Count)
            {
                Vector.Widen(new Vector<short>(values[i..]), out Vector<int> low, out Vector<int> high);
                sums += low + high;
            }
            sum = Vector.Sum(sums);
        }
        for (; i < values.Length; i++) sum += values[i];
        return sum;
    }
}
