namespace Monitoring.Contracts.Devices;

/// <summary>The device hub's path and methods.</summary>
public static class DeviceHubMethods
{
    public const string Path = "/hubs/device";

    /// <summary>
    /// Device → cloud: <c>BatchAck SendBatch(byte[] frame)</c>, where the frame is a <see cref="DeviceBatch"/> encoded
    /// by <see cref="DeviceWire"/>. The batch travels as bytes so that the hub itself decodes it: a malformed or
    /// oversized frame gets a rejection with a reason (and is counted), and the connection stays up.
    /// </summary>
    public const string SendBatch = "SendBatch";
}
