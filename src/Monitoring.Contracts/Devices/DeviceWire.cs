using MessagePack;

namespace Monitoring.Contracts.Devices;

/// <summary>
/// The device wire format: a <see cref="DeviceBatch"/> as a MessagePack array whose positions are the batch's keys
/// (0 device id, 1 sequence, 2 first-sample time in Unix ms, 3 sampling rate, 4 gain, 5 lead names,
/// 6 interleaved int16 samples, 7 leads-off mask, 8 battery percent). Documented in the README for device makers.
/// </summary>
public static class DeviceWire
{
    /// <summary>Decoding options for frames from the network: MessagePack's hardening for untrusted data.</summary>
    private static readonly MessagePackSerializerOptions Untrusted =
        MessagePackSerializerOptions.Standard.WithSecurity(MessagePackSecurity.UntrustedData);

    public static byte[] Encode(DeviceBatch batch) => MessagePackSerializer.Serialize(batch, MessagePackSerializerOptions.Standard);

    /// <summary>Decodes a frame; on failure returns null with the error code and a message saying what is wrong.</summary>
    public static DeviceBatch? TryDecode(byte[]? frame, out string? errorCode, out string? errorMessage)
    {
        errorCode = null;
        errorMessage = null;
        if (frame is null || frame.Length == 0)
        {
            (errorCode, errorMessage) = (BatchErrors.Malformed, "Empty frame.");
            return null;
        }
        if (frame.Length > DeviceBatchLimits.MaxMessageBytes)
        {
            (errorCode, errorMessage) = (BatchErrors.TooLarge, $"Frame of {frame.Length} bytes; at most {DeviceBatchLimits.MaxMessageBytes}.");
            return null;
        }
        try
        {
            var batch = MessagePackSerializer.Deserialize<DeviceBatch>(frame, Untrusted, out int read);
            if (read != frame.Length)
            {
                (errorCode, errorMessage) = (BatchErrors.Malformed, $"{frame.Length - read} bytes after the batch.");
                return null;
            }
            return batch;
        }
        catch (MessagePackSerializationException e)
        {
            (errorCode, errorMessage) = (BatchErrors.Malformed, "Not a device batch: " + (e.InnerException?.Message ?? e.Message));
            return null;
        }
    }
}
