using Monitoring.Contracts.Devices;

namespace Monitoring.Grains.Devices;

[GenerateSerializer]
public sealed class DeviceState
{
    [Id(0)] public bool Registered { get; set; }
    [Id(1)] public DeviceKind Kind { get; set; }

    /// <summary>SHA-256 of the active secret; null once revoked.</summary>
    [Id(2)] public byte[]? CredentialHash { get; set; }
    [Id(3)] public string? PatientId { get; set; }
    [Id(4)] public DeviceLinkState Link { get; set; } = new();
    [Id(5)] public int BatteryPercent { get; set; } = -1;

    /// <summary>
    /// Where the first batch given up since the last successful hand-over to the patient starts (see
    /// <see cref="Contracts.Waveforms.RecentStream.NotAnalysedFromUnixMs"/>); saved at once, so that it outlives a lost host.
    /// </summary>
    [Id(6)] public long? NotAnalysedFromUnixMs { get; set; }
}
