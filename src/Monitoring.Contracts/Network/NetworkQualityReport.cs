using MessagePack;

namespace Monitoring.Contracts.Network;

/// <summary>
/// Link quality below one facility: the devices of its subtree (those with warnings first, at most
/// <see cref="MaxDevices"/>), a summary per child facility's subtree and per tier. MessagePack keys are camelCase
/// strings for browser consoles.
/// </summary>
[MessagePackObject]
public sealed record NetworkQualityReport
{
    public const int MaxDevices = 200;

    [Key("facilityId")] public string FacilityId { get; init; } = "";
    [Key("name")] public string Name { get; init; } = "";
    [Key("tier")] public FacilityTier Tier { get; init; }
    [Key("devices")] public IReadOnlyList<DeviceLinkSummary> Devices { get; init; } = [];
    [Key("children")] public IReadOnlyList<LinkSummary> Children { get; init; } = [];
    [Key("tiers")] public IReadOnlyList<LinkSummary> Tiers { get; init; } = [];
}

/// <summary>One device's link, as the network-quality panel lists it.</summary>
[MessagePackObject]
public sealed record DeviceLinkSummary
{
    [Key("deviceId")] public string DeviceId { get; init; } = "";
    [Key("patientId")] public string? PatientId { get; init; }
    [Key("facilityId")] public string FacilityId { get; init; } = "";
    [Key("connected")] public bool Connected { get; init; }
    [Key("latencyMs")] public double LatencyMs { get; init; }
    [Key("jitterMs")] public double JitterMs { get; init; }
    [Key("lossPercent")] public double LossPercent { get; init; }
    [Key("reconnects")] public int Reconnects { get; init; }
    [Key("batchesPerSecond")] public double BatchesPerSecond { get; init; }
    [Key("warning")] public string? Warning { get; init; }
}

/// <summary>Devices of a facility's subtree or of one tier: how many, how many warn, and their latency and loss.</summary>
[MessagePackObject]
public sealed record LinkSummary
{
    /// <summary>The facility (for a child summary) or the tier's name (for a tier summary).</summary>
    [Key("id")] public string Id { get; init; } = "";
    [Key("name")] public string Name { get; init; } = "";
    [Key("devices")] public int Devices { get; init; }
    [Key("connected")] public int Connected { get; init; }
    [Key("warnings")] public int Warnings { get; init; }
    [Key("latencyMsP95")] public double LatencyMsP95 { get; init; }
    [Key("lossPercent")] public double LossPercent { get; init; }
}
