namespace Monitoring.Contracts.Network;

/// <summary>One monitoring centre on the way from a patient's facility up to the province, with its facility's tier.</summary>
[GenerateSerializer, Immutable]
public sealed record CentreChainLink(
    [property: Id(0)] string CentreId,
    [property: Id(1)] string FacilityId,
    [property: Id(2)] FacilityTier Tier);
