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

    /// <summary>
    /// Device time of the first sample this device sent to its current stream (the patient it is attached to) since
    /// the attachment; null when not known (set by the activation that attached it, saved with the state). Nothing of
    /// this device's stream is stored before it, so an analysis that resumes need not read storage there.
    /// </summary>
    [Id(7)] public long? StreamStartUnixMs { get; set; }

    /// <summary>
    /// Where the patient's alarm changes stopped being stored (see <see cref="Contracts.Patients.IngestReceipt"/>), as
    /// its last answer said; saved at once, like <see cref="NotAnalysedFromUnixMs"/>.
    /// </summary>
    [Id(8)] public long? AlarmsUnstoredFromUnixMs { get; set; }
}
