using System.Net.Http.Json;
using Monitoring.Contracts.Network;
using Monitoring.Contracts.Patients;

namespace Monitoring.Server.Tests;

/// <summary>The server as the README runs it loads the shipped sample network (one province down to 16 village clinics).</summary>
public sealed class SampleNetworkServerFixture : ServerFixture
{
    protected override void Configure(IDictionary<string, string?> settings, WebApplicationBuilder builder) =>
        settings["Monitoring:NetworkFile"] = "Network/sample-network.json";
}

public class SampleNetworkTests(SampleNetworkServerFixture server) : IClassFixture<SampleNetworkServerFixture>
{
    [Fact]
    public async Task AVillageClinicSitsUnderItsTownshipCountyCityAndProvince()
    {
        var village = await server.Operator.GetFromJsonAsync<FacilityInfo>("/api/network/facilities/hetang-shangcun-village", TestJson.Options);
        Assert.Equal(["lanshan-provincial", "qingshui-city", "dongxian-county", "hetang-township", "hetang-shangcun-village"], village!.Path);
        Assert.Equal(FacilityTier.Village, village.Definition.Tier);

        var province = await server.Operator.GetFromJsonAsync<FacilityInfo>("/api/network/facilities/lanshan-provincial", TestJson.Options);
        Assert.Equal(["centre-provincial"], province!.Centres);
        Assert.Equal(2, province.Children.Count);
    }

    [Theory]
    [InlineData("hetang-shangcun-village", "centre-hetang,centre-dongxian,centre-qingshui,centre-provincial")]
    [InlineData("shiqiao-dongcun-village", "centre-dongxian,centre-qingshui,centre-provincial")]
    public async Task APatientIsWatchedByTheNearestCentreAboveAndEscalatesUpToTheProvince(string facilityId, string chain)
    {
        string patientId = "pat-" + facilityId[..10];
        (await server.Operator.PostAsJsonAsync($"/api/patients/{patientId}/admit", new { displayName = "Patient", facilityId })).EnsureSuccessStatusCode();
        var status = await server.Operator.GetFromJsonAsync<PatientStatus>($"/api/patients/{patientId}", TestJson.Options);
        Assert.Equal(chain, string.Join(",", status!.CentreChain.Select(link => link.CentreId)));
        Assert.Equal(status.CentreChain[0].CentreId, status.Admission!.CentreId);
    }

    [Fact]
    public async Task TheNetworkRefusesAFacilityInTheWrongTierOrUnderAnUnknownParent()
    {
        var wrongTier = await server.Operator.PostAsJsonAsync("/api/network/facilities", new { facilityId = "new-village", name = "New", tier = "Village", parentId = "dongxian-county" });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, wrongTier.StatusCode);
        var orphan = await server.Operator.PostAsJsonAsync("/api/network/facilities", new { facilityId = "new-township", name = "New", tier = "Township", parentId = "no-such-county" });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, orphan.StatusCode);
        var added = await server.Operator.PostAsJsonAsync("/api/network/facilities", new { facilityId = "new-township", name = "New", tier = "Township", parentId = "dongxian-county" });
        added.EnsureSuccessStatusCode();
        var county = await server.Operator.GetFromJsonAsync<FacilityInfo>("/api/network/facilities/dongxian-county", TestJson.Options);
        Assert.Contains("new-township", county!.Children);
    }
}
