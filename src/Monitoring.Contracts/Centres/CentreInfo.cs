using MessagePack;
namespace Monitoring.Contracts.Centres;

/// <summary>A monitoring centre: its name and the facility that runs it.</summary>
[MessagePackObject, GenerateSerializer, Immutable]
public sealed record CentreInfo(
    [property: Key("centreId"), Id(0)] string CentreId,
    [property: Key("name"), Id(1)] string Name,
    [property: Key("facilityId"), Id(2)] string FacilityId);
