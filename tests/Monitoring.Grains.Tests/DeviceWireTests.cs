using MessagePack;
using Monitoring.Contracts.Devices;

namespace Monitoring.Grains.Tests;

public class DeviceWireTests
{
    [Fact]
    public void ABatchSurvivesTheWire()
    {
        var batch = Batches.Make(7, leads: ["I", "II", "V1"], value: -123);
        var decoded = DeviceWire.TryDecode(DeviceWire.Encode(batch), out var code, out _);
        Assert.Null(code);
        Assert.NotNull(decoded);
        Assert.Equal((batch.DeviceId, batch.Sequence, batch.FirstSampleTimeUnixMs, batch.SamplingRateHz, batch.GainUnitsPerMv),
            (decoded.DeviceId, decoded.Sequence, decoded.FirstSampleTimeUnixMs, decoded.SamplingRateHz, decoded.GainUnitsPerMv));
        Assert.Equal(batch.Leads, decoded.Leads);
        Assert.Equal(batch.Samples, decoded.Samples);
        Assert.Equal(-1, decoded.BatteryPercent);
    }

    [Fact]
    public void TheWireIsAnArrayKeyedByPosition()
    {
        // What a device maker implements: [deviceId, sequence, firstSampleTimeUnixMs, rate, gain, [leads], [samples], leadsOffMask, battery]
        byte[] frame = MessagePackSerializer.Serialize(new object[] { "dev-9", 3L, 1_700_000_000_000L, 500, 1000.0, new[] { "II" }, new short[] { 1, -2, 3 }, 0, 80 });
        var decoded = DeviceWire.TryDecode(frame, out var code, out _);
        Assert.Null(code);
        Assert.Equal(("dev-9", 3L, 500, 80), (decoded!.DeviceId, decoded.Sequence, decoded.SamplingRateHz, decoded.BatteryPercent));
        Assert.Equal(new short[] { 1, -2, 3 }, decoded.Samples);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xC1 })]
    [InlineData(new byte[] { 0x93, 0x01, 0x02 })]
    [InlineData(new byte[] { 0xA3, 0x61, 0x62, 0x63 })]
    public void GarbageIsMalformedNotACrash(byte[] frame)
    {
        Assert.Null(DeviceWire.TryDecode(frame, out var code, out var message));
        Assert.Equal(BatchErrors.Malformed, code);
        Assert.False(string.IsNullOrEmpty(message));
    }

    [Fact]
    public void AnOversizedFrameIsRejectedBeforeDecoding()
    {
        Assert.Null(DeviceWire.TryDecode(new byte[DeviceBatchLimits.MaxMessageBytes + 1], out var code, out _));
        Assert.Equal(BatchErrors.TooLarge, code);
    }

    [Theory]
    [InlineData(99, 1, 62, BatchErrors.SamplingRate)]
    [InlineData(1001, 1, 62, BatchErrors.SamplingRate)]
    [InlineData(250, 13, 10, BatchErrors.LeadCount)]
    [InlineData(250, 2, 0, BatchErrors.SampleCount)]
    public void LimitsAreChecked(int rate, int leads, int samplesPerLead, string error)
    {
        var batch = Batches.Make(1, rate: rate, samplesPerLead: samplesPerLead, leads: [.. Enumerable.Range(0, leads).Select(i => $"L{i}")]);
        Assert.Equal(error, DeviceBatchLimits.Check(batch)?.Code);
    }

    [Fact]
    public void PacePulsesRideAtPositionNineAndAreOptional()
    {
        byte[] frame = MessagePackSerializer.Serialize(new object[] { "dev-9", 3L, 1_700_000_000_000L, 500, 1000.0, new[] { "II" }, new short[] { 1, -2, 3 }, 0, 80, new[] { 0, 2 } });
        Assert.Equal([0, 2], DeviceWire.TryDecode(frame, out _, out _)!.PacePulses);

        var withoutPulses = DeviceWire.TryDecode(DeviceWire.Encode(Batches.Make(1)), out var code, out _);
        Assert.Null(code);
        Assert.Empty(withoutPulses!.PacePulses);
    }

    [Theory]
    [InlineData(new[] { 10, 40 }, null)]
    [InlineData(new[] { 40, 10 }, BatchErrors.PacePulses)]    // out of order
    [InlineData(new[] { 10, 10 }, BatchErrors.PacePulses)]    // twice
    [InlineData(new[] { -1 }, BatchErrors.PacePulses)]
    [InlineData(new[] { 62 }, BatchErrors.PacePulses)]        // past the batch's 62 samples per lead
    [InlineData(new[] { 1, 2, 3, 4, 5, 6 }, BatchErrors.PacePulses)]   // 6 in 248 ms: over 20 a second
    public void PacePulsesMustBeIncreasingSampleIndicesWithinTheBatchAndFew(int[] pulses, string? error)
    {
        var made = Batches.Make(1, leads: ["I", "II"]);
        var batch = new DeviceBatch
        {
            DeviceId = made.DeviceId, Sequence = 1, FirstSampleTimeUnixMs = made.FirstSampleTimeUnixMs, SamplingRateHz = 250,
            GainUnitsPerMv = 200, Leads = made.Leads, Samples = made.Samples, PacePulses = pulses,
        };
        Assert.Equal(error, DeviceBatchLimits.Check(batch)?.Code);
    }

    [Fact]
    public void SamplesNotAMultipleOfTheLeadsAreRejected()
    {
        var batch = Batches.Make(1, leads: ["I", "II"]);
        batch = new DeviceBatch { DeviceId = batch.DeviceId, Sequence = 1, FirstSampleTimeUnixMs = batch.FirstSampleTimeUnixMs, SamplingRateHz = 250, GainUnitsPerMv = 200, Leads = batch.Leads, Samples = new short[7] };
        Assert.Equal(BatchErrors.SampleCount, DeviceBatchLimits.Check(batch)?.Code);
        Assert.Null(DeviceBatchLimits.Check(Batches.Make(1, leads: ["I", "II"])));
    }
}
