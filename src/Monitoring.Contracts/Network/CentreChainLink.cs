using MessagePack;
namespace Monitoring.Contracts.Network;

/// <summary>One monitoring centre on the way from a patient's facility up to the province, with its facility's tier.</summary>
[MessagePackObject, GenerateSerializer, Immutable]
public sealed record CentreChainLink(
    [property: Key("centreId"), Id(0)] string CentreId,
    [property: Key("facilityId"), Id(1)] string FacilityId,
    [property: Key("tier"), Id(2)] FacilityTier Tier);
