namespace Monitoring.Storage.Waveforms;

/// <summary>
/// Sample times at tick (100 ns) resolution: sample <c>i</c> of a block starting at <c>t</c> is at
/// <c>t + floor(i * 10^7 / rate)</c> ticks. Flooring makes <see cref="FirstIndexAtOrAfter"/> exact.
/// </summary>
internal static class SampleClock
{
    public static long OffsetTicks(long index, int samplingRateHz) => index * TimeSpan.TicksPerSecond / samplingRateHz;

    /// <summary>The smallest sample index whose offset is at least <paramref name="offsetTicks"/> (0 if it is negative).</summary>
    public static long FirstIndexAtOrAfter(long offsetTicks, int samplingRateHz) =>
        offsetTicks <= 0 ? 0 : (offsetTicks * samplingRateHz + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond;

    public static long PeriodTicks(int samplingRateHz) => TimeSpan.TicksPerSecond / samplingRateHz;
}
