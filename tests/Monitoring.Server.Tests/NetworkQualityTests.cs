using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Monitoring.Contracts.Network;

namespace Monitoring.Server.Tests;

/// <summary>The network-quality panel's data: links of the devices below a facility, per child facility and per tier, with warnings.</summary>
public class NetworkQualityTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task ADeviceThatWentOfflineIsFlaggedBelowItsCountyAndCountedPerTier()
    {
        var net = await TestNetwork.DefineAsync(server, "nq");
        string online = await TestNetwork.AdmitWithDeviceAsync(server, "pat-nq-1", "dev-nq-1", net.Village("a"));
        string offline = await TestNetwork.AdmitWithDeviceAsync(server, "pat-nq-2", "dev-nq-2", net.Township("a"));
        await using var streaming = await HubClients.ConnectDeviceAsync(server.BaseAddress, online);
        // Two seconds in real time, each batch sent when its last sample is taken: a healthy link.
        foreach (var batch in RecordStream.Batches("dev-nq-1", "mitdb", "101", 0, 2, endUnixMs: DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 2_000))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(0, batch.EndUnixMs - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())));
            await streaming.SendAsync(batch);
        }
        await TestNetwork.StreamVentricularTachycardiaAsync(server, "dev-nq-2", offline); // connects, streams, disconnects

        var (console, _) = await TestNetwork.ConsoleAsync(server, net.County("a"), "Nurse");
        var report = await console.Connection.InvokeAsync<NetworkQualityReport>("GetNetworkQuality", net.County("a"));
        Assert.Equal(["dev-nq-2", "dev-nq-1"], report.Devices.Select(d => d.DeviceId));
        Assert.Equal(("offline", false), (report.Devices[0].Warning, report.Devices[0].Connected));
        // Its latency depends on this machine's load, so only "online" is asserted here (the thresholds have unit tests).
        Assert.True(report.Devices[1] is { Connected: true } and not { Warning: "offline" }, $"{report.Devices[1]}");
        Assert.True(report.Devices[1].BatchesPerSecond > 0);
        var child = Assert.Single(report.Children);
        Assert.Equal((net.Township("a"), 2, 1), (child.Id, child.Devices, child.Connected));
        Assert.InRange(child.Warnings, 1, 2);
        Assert.Equal(["Township", "Village"], report.Tiers.Select(t => t.Id));

        await Assert.ThrowsAsync<HubException>(() => console.Connection.InvokeAsync<NetworkQualityReport>("GetNetworkQuality", net.County("b")));
        var forOperators = await server.Operator.GetFromJsonAsync<NetworkQualityReport>($"/api/network/quality/{net.Province}", TestJson.Options);
        Assert.Equal(2, forOperators!.Tiers.Sum(t => t.Devices));
        await console.DisposeAsync();
    }
}
