using Monitoring.Contracts.Centres;
using Monitoring.Contracts.Network;
using Monitoring.Contracts.Patients;

namespace Monitoring.Grains.Cluster.Tests;

/// <summary>
/// A five-tier branch of the network with its own ids: province, city, county and township each run a centre (the
/// county's is optional), the village runs none, so a village patient's chain is township, county, city, province.
/// </summary>
internal sealed record CareNetwork(string Id, bool CountyHasCentre)
{
    public string ProvinceCentre => $"{Id}-province-centre";
    public string CityCentre => $"{Id}-city-centre";
    public string CountyCentre => $"{Id}-county-centre";
    public string TownshipCentre => $"{Id}-township-centre";
    public string Village => $"{Id}-village";

    public static async Task<CareNetwork> CreateAsync(IGrainFactory grains, bool countyHasCentre = true)
    {
        var network = new CareNetwork(Guid.NewGuid().ToString("N")[..8], countyHasCentre);
        await network.DefineAsync(grains, FacilityTier.Province, null, network.ProvinceCentre);
        await network.DefineAsync(grains, FacilityTier.City, FacilityTier.Province, network.CityCentre);
        await network.DefineAsync(grains, FacilityTier.County, FacilityTier.City, countyHasCentre ? network.CountyCentre : null);
        await network.DefineAsync(grains, FacilityTier.Township, FacilityTier.County, network.TownshipCentre);
        await network.DefineAsync(grains, FacilityTier.Village, FacilityTier.Township, null);
        return network;
    }

    private string FacilityId(FacilityTier tier) => $"{Id}-{tier.ToString().ToLowerInvariant()}";

    private async Task DefineAsync(IGrainFactory grains, FacilityTier tier, FacilityTier? parent, string? centreId)
    {
        string facilityId = FacilityId(tier);
        await grains.GetGrain<IFacilityGrain>(facilityId).DefineAsync(new FacilityDefinition
        {
            FacilityId = facilityId,
            Name = $"{tier} {Id}",
            Tier = tier,
            ParentId = parent is { } p ? FacilityId(p) : null,
        });
        if (centreId is not null) await grains.GetGrain<ICentreGrain>(centreId).DefineAsync($"{tier} centre {Id}", facilityId);
    }

    /// <summary>Admits a new patient at the village clinic; returns the patient id.</summary>
    public async Task<string> AdmitVillagePatientAsync(IGrainFactory grains)
    {
        string patientId = $"{Id}-patient-{Guid.NewGuid():N}";
        await grains.GetGrain<IPatientGrain>(patientId).AdmitAsync(new PatientAdmission { DisplayName = "Test patient", FacilityId = Village });
        return patientId;
    }
}
