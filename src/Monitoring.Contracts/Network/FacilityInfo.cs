namespace Monitoring.Contracts.Network;

/// <summary>A defined facility with its place in the tree: the facilities above it, those below it and its centres.</summary>
[GenerateSerializer, Immutable]
public sealed record FacilityInfo
{
    [Id(0)] public FacilityDefinition Definition { get; init; } = new();

    /// <summary>Facility ids from the province down to this facility (itself last).</summary>
    [Id(1)] public IReadOnlyList<string> Path { get; init; } = [];
    [Id(2)] public IReadOnlyList<string> Children { get; init; } = [];

    /// <summary>Monitoring centres run by this facility; the first is the one escalations are sent to.</summary>
    [Id(3)] public IReadOnlyList<string> Centres { get; init; } = [];
}
