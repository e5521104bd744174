namespace Monitoring.DeviceClient.Tests;

/// <summary>Synthetic single-lead batches (a 1 Hz sine at 250 Hz, 250 ms each), consecutive in time.</summary>
internal static class TestSignals
{
    public const long StartUnixMs = 1_700_000_000_000;

    public static EcgRecording Sine(int seconds = 60, int samplingRateHz = 250, params string[] leads)
    {
        if (leads.Length == 0) leads = ["II"];
        var signals = new short[leads.Length][];
        for (int lead = 0; lead < leads.Length; lead++)
        {
            signals[lead] = new short[seconds * samplingRateHz];
            for (int i = 0; i < signals[lead].Length; i++)
                signals[lead][i] = (short)(200 * Math.Sin(2 * Math.PI * i / samplingRateHz) + lead * 1000);
        }
        return new EcgRecording(leads, signals, samplingRateHz, 200);
    }

    /// <summary>Consecutive 250 ms blocks, first at <see cref="StartUnixMs"/>, looping the sine.</summary>
    public static BatchBuilder Blocks() => new(Sine(), 250, StartUnixMs, loop: true);

    public static async Task EnqueueAsync(DeviceClient client, BatchBuilder blocks, int count)
    {
        for (int i = 0; i < count; i++) await client.EnqueueAsync(blocks.Next()!);
    }

    public static long[] Range(long first, long last)
    {
        var sequences = new long[last - first + 1];
        for (long s = first; s <= last; s++) sequences[s - first] = s;
        return sequences;
    }
}
