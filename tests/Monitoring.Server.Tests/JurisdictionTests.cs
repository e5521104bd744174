using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Monitoring.Contracts.Alarms;

namespace Monitoring.Server.Tests;

/// <summary>
/// Access control on the real server: a clinician sees only the patients below their centre's facility, over HTTP
/// and SignalR alike; privileged actions need a physician; devices read nothing; every access is audited.
/// </summary>
public class JurisdictionTests(ServerFixture server) : IClassFixture<ServerFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    /// <summary>Each test has its own patient and device (xunit makes a new instance per test).</summary>
    private readonly string _id = Guid.NewGuid().ToString("N")[..8];
    private TestNetwork _net = null!;
    private string _deviceToken = "";

    private string Patient => "pat-jur-" + _id;
    private string Device => "dev-jur-" + _id;

    public async Task InitializeAsync()
    {
        _net = await TestNetwork.DefineAsync(server, "jur");
        // The patient is at a village of county b.
        _deviceToken = await TestNetwork.AdmitWithDeviceAsync(server, Patient, Device, _net.Village("b"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ANurseOfOneCountyCannotSeeSubscribeToOrActOnAPatientOfAnother()
    {
        var (outsider, outsiderToken) = await TestNetwork.ConsoleAsync(server, _net.County("a"), "Nurse");
        var (insider, insiderToken) = await TestNetwork.ConsoleAsync(server, _net.County("b"), "Nurse");
        await TestNetwork.StreamVentricularTachycardiaAsync(server, Device, _deviceToken);
        var (vt, _) = await insider.WaitForAlarmAsync(a => a.PatientId == Patient && a.Condition == "VentricularTachycardia", Wait);

        using var outsiderHttp = Client(outsiderToken);
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach (string path in new[] { $"/api/patients/{Patient}", $"/api/patients/{Patient}/alarms?from=0&to={now}", $"/api/patients/{Patient}/waveform?from={now - 60_000}&to={now}" })
            Assert.Equal(HttpStatusCode.Forbidden, (await outsiderHttp.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsiderHttp.PutAsJsonAsync($"/api/patients/{Patient}/alarm-settings", new { asystoleSeconds = 6 })).StatusCode);

        await Assert.ThrowsAsync<HubException>(() => outsider.Connection.InvokeAsync("WatchPatient", Patient));
        await Assert.ThrowsAsync<HubException>(() => outsider.Connection.InvokeAsync<object>("GetPatient", Patient));
        await Assert.ThrowsAsync<HubException>(() => outsider.Connection.InvokeAsync<Alarm?>("AcknowledgeAlarm", vt.AlarmId));
        await Assert.ThrowsAsync<HubException>(() => outsider.Connection.InvokeAsync<Alarm?>("ReportEscalation", vt.AlarmId, EscalationReport.Accepted));
        await Assert.ThrowsAsync<HubException>(() => outsider.Connection.InvokeAsync<object>("GetFacility", _net.Village("b")));
        Assert.DoesNotContain(outsider.Alarms, r => r.Alarm.PatientId == Patient);

        // The patient's own county sees the patient over both.
        using var insiderHttp = Client(insiderToken);
        Assert.Equal(HttpStatusCode.OK, (await insiderHttp.GetAsync($"/api/patients/{Patient}")).StatusCode);
        await insider.Connection.InvokeAsync("WatchPatient", Patient);
        Assert.Contains(Patient, await insider.Connection.InvokeAsync<IReadOnlyList<string>>("GetFacilityPatients", _net.Village("b")));
        await outsider.DisposeAsync();
        await insider.DisposeAsync();
    }

    [Fact]
    public async Task RemoteResetOfAHighPriorityAlarmAndAlarmLimitsNeedAPhysician()
    {
        var (nurse, nurseToken) = await TestNetwork.ConsoleAsync(server, _net.Township("b"), "Nurse");
        var (physician, physicianToken) = await TestNetwork.ConsoleAsync(server, _net.Township("b"), "Physician");
        await TestNetwork.StreamVentricularTachycardiaAsync(server, Device, _deviceToken);
        var (vt, _) = await nurse.WaitForAlarmAsync(a => a.PatientId == Patient && a.Condition == "VentricularTachycardia" && a.State != AlarmState.Resolved, Wait);

        var refused = await Assert.ThrowsAsync<HubException>(() => nurse.Connection.InvokeAsync<Alarm?>("AcknowledgeAlarm", vt.AlarmId));
        Assert.Contains("physician", refused.Message);
        var acknowledged = await physician.Connection.InvokeAsync<Alarm?>("AcknowledgeAlarm", vt.AlarmId);
        Assert.Contains(acknowledged!.State, new[] { AlarmState.Acknowledged, AlarmState.Resolved });
        Assert.StartsWith("Physician-", acknowledged.AcknowledgedBy);

        using var nurseHttp = Client(nurseToken);
        using var physicianHttp = Client(physicianToken);
        Assert.Equal(HttpStatusCode.Forbidden, (await nurseHttp.PutAsJsonAsync($"/api/patients/{Patient}/alarm-settings", new { asystoleSeconds = 6 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await physicianHttp.PutAsJsonAsync($"/api/patients/{Patient}/alarm-settings", new { asystoleSeconds = 6 })).StatusCode);
        await nurse.DisposeAsync();
        await physician.DisposeAsync();
    }

    [Fact]
    public async Task ADeviceCredentialCannotReadAnything()
    {
        using var device = Client(_deviceToken);
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach (string path in new[] { $"/api/patients/{Patient}", $"/api/patients/{Patient}/waveform?from={now - 60_000}&to={now}", $"/api/devices/{Device}", $"/api/network/facilities/{_net.Province}" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await device.GetAsync(path)).StatusCode);
        var connect = await Assert.ThrowsAsync<HttpRequestException>(() => CentreConsole.ConnectAsync(server.BaseAddress, _deviceToken));
        Assert.Equal(HttpStatusCode.Unauthorized, connect.StatusCode);
        string[] idAndSecret = _deviceToken.Split(':');
        Assert.Equal(HttpStatusCode.Unauthorized, (await device.PostAsJsonAsync("/api/auth/token", new { userId = idAndSecret[0], password = idAndSecret[1] })).StatusCode);
    }

    [Fact]
    public async Task ViewingAndActingOnAPatientIsAuditedAndOnlyAdministratorsReadTheAuditLog()
    {
        long from = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 1_000;
        var (viewer, viewerToken) = await TestNetwork.ConsoleAsync(server, _net.County("b"), "Physician");
        await viewer.Connection.InvokeAsync("WatchPatient", Patient);
        using var viewerHttp = Client(viewerToken);
        (await viewerHttp.PutAsJsonAsync($"/api/patients/{Patient}/alarm-settings", new { asystoleSeconds = 5 })).EnsureSuccessStatusCode();
        var (outsider, _) = await TestNetwork.ConsoleAsync(server, _net.County("a"), "Nurse");
        await Assert.ThrowsAsync<HubException>(() => outsider.Connection.InvokeAsync("WatchPatient", Patient));

        string adminToken = await server.SignInNewUserAsync("admin-jur-b", "CentreAdministrator", TestNetwork.CentreOf(_net.County("b")));
        using var admin = Client(adminToken);
        long to = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1_000;
        var entries = await admin.GetFromJsonAsync<List<AuditDto>>($"/api/patients/{Patient}/audit?from={from}&to={to}", TestJson.Options);
        Assert.Contains(entries!, e => e.Action == "view-live-waveform" && e.Role == "Physician" && e.Outcome == "ok" && e.RemoteAddress == "127.0.0.1");
        Assert.Contains(entries!, e => e.Action == "change-alarm-limits" && e.Outcome == "ok");
        Assert.Contains(entries!, e => e.Action == "view-live-waveform" && e.CentreId == TestNetwork.CentreOf(_net.County("a")) && e.Outcome.StartsWith("refused"));

        Assert.Equal(HttpStatusCode.Forbidden, (await viewerHttp.GetAsync($"/api/patients/{Patient}/audit?from={from}&to={to}")).StatusCode);
        await viewer.DisposeAsync();
        await outsider.DisposeAsync();
    }

    private HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed record AuditDto(long AtUnixMs, string Actor, string Role, string? CentreId, string Action, string? PatientId, string? Target, string? RemoteAddress, string Outcome);
}
