using Monitoring.Storage.Waveforms;
using Xunit.Abstractions;

namespace Monitoring.Storage.Tests;

public sealed class WaveformCodecTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_mitdb_record_round_trips_bit_exact_and_compresses_at_least_3_7_to_1()
    {
        long rawBytes = 0, storedBytes = 0, leadSeconds = 0;
        foreach (string record in SharedData.MitdbRecords())
        {
            (short[][] samples, _, int rate) = MitdbRecords.Read(record);
            int segmentLength = 10 * rate;
            for (int first = 0; first < samples[0].Length; first += segmentLength)
            {
                short[][] segment = MitdbRecords.Slice(samples, first, Math.Min(segmentLength, samples[0].Length - first));
                byte[] payload = WaveformCodec.Encode(segment);
                short[][] decoded = WaveformCodec.Decode(payload, segment.Length, segment[0].Length);
                for (int lead = 0; lead < segment.Length; lead++)
                {
                    Assert.Equal(segment[lead], decoded[lead]);
                }
                rawBytes += 2L * segment.Length * segment[0].Length;
                storedBytes += payload.Length;
                leadSeconds += segment.Length * (long)segment[0].Length / rate;
            }
        }
        double ratio = rawBytes / (double)storedBytes;
        output.WriteLine($"mitdb, 10 s segments, both leads: {rawBytes:N0} raw int16 bytes -> {storedBytes:N0} stored, " +
                         $"ratio {ratio:F2}, {storedBytes / (double)leadSeconds:F1} bytes per lead-second");
        Assert.True(ratio >= 3.7, $"compression ratio {ratio:F2}"); // measured 3.82 (2026-11)
    }

    [Fact]
    public void Full_scale_jumps_and_random_samples_round_trip_bit_exact()
    {
        var random = new Random(1);
        short[] extremes = Enumerable.Range(0, 1000).Select(i => i % 2 == 0 ? short.MinValue : short.MaxValue).ToArray();
        short[] noise = Enumerable.Range(0, 1000).Select(_ => (short)random.Next(short.MinValue, short.MaxValue + 1)).ToArray();
        short[][] leads = [extremes, noise, new short[1000]];

        short[][] decoded = WaveformCodec.Decode(WaveformCodec.Encode(leads), leads.Length, 1000);

        Assert.Equal(leads, decoded);
    }

    [Fact]
    public void A_payload_of_an_unknown_format_is_refused()
    {
        byte[] payload = WaveformCodec.Encode([[1, 2, 3]]);
        payload[0] = 99;

        Assert.Throws<InvalidDataException>(() => WaveformCodec.Decode(payload, 1, 3));
    }
}
