using System.Numerics;

namespace Monitoring.Detection.Filters;

/// <summary>
/// Running sum of the last <c>Length</c> values (a boxcar FIR without the division).
/// With integers the sum stays exact forever; with doubles the rounding error stays at the level of one value's ulp,
/// because every value is added once and subtracted once.
/// </summary>
internal struct MovingSum<T> where T : struct, INumber<T>
{
    private readonly T[] _ring;
    private int _head;
    private T _sum;

    public MovingSum(int length)
    {
        if (length < 1) throw new ArgumentOutOfRangeException(nameof(length));
        _ring = new T[length];
    }

    public readonly int Length => _ring.Length;

    /// <summary>The sum of the last <see cref="Length"/> values.</summary>
    public readonly T Sum => _sum;

    /// <summary>Adds a value, drops the oldest one and returns the new sum.</summary>
    public T Push(T value)
    {
        T[] ring = _ring;
        int head = _head;
        _sum += value - ring[head];
        ring[head] = value;
        head++;
        _head = head == ring.Length ? 0 : head;
        return _sum;
    }

    /// <summary>Sets every stored value, and so the sum, as if <paramref name="value"/> had been pushed forever.</summary>
    public void Fill(T value)
    {
        Array.Fill(_ring, value);
        _sum = value * T.CreateChecked(_ring.Length);
    }
}
