using MessagePack;
namespace Monitoring.Contracts.Network;

/// <summary>A defined facility with its place in the tree: the facilities above it, those below it and its centres.</summary>
[MessagePackObject, GenerateSerializer, Immutable]
public sealed record FacilityInfo
{
    [Key("definition"), Id(0)] public FacilityDefinition Definition { get; init; } = new();

    /// <summary>Facility ids from the province down to this facility (itself last).</summary>
    [Key("path"), Id(1)] public IReadOnlyList<string> Path { get; init; } = [];
    [Key("children"), Id(2)] public IReadOnlyList<string> Children { get; init; } = [];

    /// <summary>Monitoring centres run by this facility; the first is the one escalations are sent to.</summary>
    [Key("centres"), Id(3)] public IReadOnlyList<string> Centres { get; init; } = [];
}
