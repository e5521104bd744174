namespace Monitoring.Contracts.Centres;

/// <summary>A monitoring centre: its name and the facility that runs it.</summary>
[GenerateSerializer, Immutable]
public sealed record CentreInfo(
    [property: Id(0)] string CentreId,
    [property: Id(1)] string Name,
    [property: Id(2)] string FacilityId);
