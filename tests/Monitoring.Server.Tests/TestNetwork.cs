namespace Monitoring.Server.Tests;

/// <summary>
/// A small five-tier network defined through the operator API for one test: a province, a city, two counties
/// ("a" and "b") each with a township and a village; every facility runs a centre <c>c-{facility}</c>.
/// </summary>
internal sealed class TestNetwork(string prefix)
{
    public string Province => $"{prefix}-prov";
    public string City => $"{prefix}-city";
    public string County(string branch) => $"{prefix}-county-{branch}";
    public string Township(string branch) => $"{prefix}-town-{branch}";
    public string Village(string branch) => $"{prefix}-village-{branch}";

    public static string CentreOf(string facilityId) => "c-" + facilityId;

    public static async Task<TestNetwork> DefineAsync(ServerFixture server, string prefix)
    {
        var network = new TestNetwork(prefix);
        await network.DefineAsync(server, network.Province, "Province", null);
        await network.DefineAsync(server, network.City, "City", network.Province);
        foreach (string branch in new[] { "a", "b" })
        {
            await network.DefineAsync(server, network.County(branch), "County", network.City);
            await network.DefineAsync(server, network.Township(branch), "Township", network.County(branch));
            await network.DefineAsync(server, network.Village(branch), "Village", network.Township(branch));
        }
        return network;
    }

    private async Task DefineAsync(ServerFixture server, string facilityId, string tier, string? parentId)
    {
        await server.DefineFacilityAsync(facilityId, tier, parentId);
        await server.DefineCentreAsync(CentreOf(facilityId), facilityId);
    }

    /// <summary>Registers a device, admits a patient at <paramref name="facilityId"/> and attaches the device; returns the device token.</summary>
    public static async Task<string> AdmitWithDeviceAsync(ServerFixture server, string patientId, string deviceId, string facilityId)
    {
        string token = await server.RegisterDeviceAsync(deviceId);
        await server.AdmitAsync(patientId, facilityId, deviceId);
        return token;
    }

    /// <summary>A user of a facility's centre, signed in; returns the console connected with the user's token, and the token.</summary>
    public static async Task<(CentreConsole Console, string Token)> ConsoleAsync(ServerFixture server, string facilityId, string role)
    {
        string token = await server.SignInNewUserAsync($"{role}-{facilityId}-{Guid.NewGuid():N}"[..48], role, CentreOf(facilityId));
        return (await CentreConsole.ConnectAsync(server.BaseAddress, token), token);
    }

    /// <summary>Streams mitdb/205 from 4:30 to 5:10 (ventricular tachycardia at 4:58.8) from a device.</summary>
    public static async Task StreamVentricularTachycardiaAsync(ServerFixture server, string deviceId, string token)
    {
        await using var device = await HubClients.ConnectDeviceAsync(server.BaseAddress, token);
        foreach (var batch in RecordStream.Batches(deviceId, "mitdb", "205", 270, 310)) await device.SendAsync(batch);
    }
}
