namespace Monitoring.Contracts.Devices;

/// <summary>The device hub's path and methods.</summary>
public static class DeviceHubMethods
{
    public const string Path = "/hubs/device";

    /// <summary>Device → cloud: <c>BatchAck SendBatch(DeviceBatch batch)</c>.</summary>
    public const string SendBatch = "SendBatch";
}
