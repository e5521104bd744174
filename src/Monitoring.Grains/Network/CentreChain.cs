using Monitoring.Contracts.Network;

namespace Monitoring.Grains.Network;

/// <summary>
/// The monitoring centres above a facility, nearest first: the first is responsible for the facility's patients,
/// each next one supervises the one before (escalation goes up this chain to the province).
/// </summary>
public static class CentreChain
{
    /// <summary>The facility's path (province first) and its chain of centres (nearest first; one per facility, its first centre).</summary>
    public static async Task<(IReadOnlyList<string> Path, IReadOnlyList<CentreChainLink> Chain)> ResolveAsync(IGrainFactory grains, string facilityId)
    {
        FacilityInfo facility = await grains.GetGrain<IFacilityGrain>(facilityId).GetAsync()
            ?? throw new ArgumentException($"Facility {facilityId} is not defined.");
        var facilities = await Task.WhenAll(facility.Path.Select(id => grains.GetGrain<IFacilityGrain>(id).GetAsync()));
        var chain = new List<CentreChainLink>();
        for (int i = facilities.Length - 1; i >= 0; i--)
        {
            if (facilities[i] is { Centres.Count: > 0 } f) chain.Add(new CentreChainLink(f.Centres[0], f.Definition.FacilityId, f.Definition.Tier));
        }
        return (facility.Path, chain);
    }
}
