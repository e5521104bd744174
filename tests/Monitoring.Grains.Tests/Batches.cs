using Monitoring.Contracts.Devices;

namespace Monitoring.Grains.Tests;

/// <summary>Builds device batches for tests: 250 ms of one lead at 250 Hz unless told otherwise.</summary>
internal static class Batches
{
    public const long Start = 1_760_000_000_000;

    public static DeviceBatch Make(long sequence, long? firstSampleTime = null, int samplesPerLead = 62, int rate = 250, string[]? leads = null, string device = "dev-1", short value = 0,
        int[]? pacePulses = null)
    {
        leads ??= ["II"];
        long time = firstSampleTime ?? Start + (sequence - 1) * (long)Math.Round(samplesPerLead * 1000.0 / rate);
        var samples = new short[samplesPerLead * leads.Length];
        Array.Fill(samples, value);
        return new DeviceBatch
        {
            DeviceId = device,
            Sequence = sequence,
            FirstSampleTimeUnixMs = time,
            SamplingRateHz = rate,
            GainUnitsPerMv = 200,
            Leads = leads,
            Samples = samples,
            PacePulses = pacePulses ?? [],
        };
    }
}
