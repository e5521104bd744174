namespace Monitoring.Grains;

/// <summary>Names of the grain storage providers the host must register.</summary>
public static class StorageNames
{
    /// <summary>Grain state: devices, patients, centres (Azure Tables in production, on Azurite locally).</summary>
    public const string State = "state";
}
