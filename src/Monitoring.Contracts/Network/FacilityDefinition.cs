namespace Monitoring.Contracts.Network;

/// <summary>A facility of the network as the configuration file or the operator API defines it.</summary>
[GenerateSerializer, Immutable]
public sealed record FacilityDefinition
{
    [Id(0)] public string FacilityId { get; init; } = "";
    [Id(1)] public string Name { get; init; } = "";
    [Id(2)] public FacilityTier Tier { get; init; }

    /// <summary>The supervising facility one tier up; null only for the provincial hospital.</summary>
    [Id(3)] public string? ParentId { get; init; }
}
