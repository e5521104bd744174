using MessagePack;
namespace Monitoring.Contracts.Network;

/// <summary>A facility of the network as the configuration file or the operator API defines it.</summary>
[MessagePackObject, GenerateSerializer, Immutable]
public sealed record FacilityDefinition
{
    [Key("facilityId"), Id(0)] public string FacilityId { get; init; } = "";
    [Key("name"), Id(1)] public string Name { get; init; } = "";
    [Key("tier"), Id(2)] public FacilityTier Tier { get; init; }

    /// <summary>The supervising facility one tier up; null only for the provincial hospital.</summary>
    [Key("parentId"), Id(3)] public string? ParentId { get; init; }
}
