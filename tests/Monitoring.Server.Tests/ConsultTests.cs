using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Monitoring.Contracts.Consults;
using Monitoring.Contracts.Live;
using Monitoring.Server.Hubs;

namespace Monitoring.Server.Tests;

/// <summary>
/// Consults through the monitoring hub on the real server, with the grains on a fake clock: routed to the centre
/// above the requester, escalated when nobody accepts in time, accepted and answered by a physician there, pushed
/// live to every centre involved; other jurisdictions can neither see nor act on them.
/// </summary>
public class ConsultTests(FakeClockServerFixture server) : IClassFixture<FakeClockServerFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ARoutineConsultNobodyAcceptsEscalatesAcrossThreeTiersAndIsAnsweredThere()
    {
        var net = await TestNetwork.DefineAsync(server, "cons");
        await TestNetwork.AdmitWithDeviceAsync(server, "pat-cons", "dev-cons", net.Village("a"));
        var (village, _) = await TestNetwork.ConsoleAsync(server, net.Village("a"), "Nurse");
        var (township, _) = await TestNetwork.ConsoleAsync(server, net.Township("a"), "Physician");
        var (county, _) = await TestNetwork.ConsoleAsync(server, net.County("a"), "Physician");
        var (city, _) = await TestNetwork.ConsoleAsync(server, net.City, "Physician");
        var (outsider, _) = await TestNetwork.ConsoleAsync(server, net.County("b"), "Physician");
        var pushes = Record(village, township, county, outsider, city);

        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var requested = await village.Connection.InvokeAsync<ConsultView>("RequestConsult",
            new ConsultInput("pat-cons", "Wide-complex rhythm, please read", ConsultUrgency.Routine, now - 20_000, now));
        Assert.Equal((ConsultState.Requested, TestNetwork.CentreOf(net.Township("a"))), (requested.State, requested.TargetCentreId));
        await WaitAsync(() => pushes[1].Any(c => c.ConsultId == requested.ConsultId));
        Assert.Contains(await township.Connection.InvokeAsync<IReadOnlyList<ConsultView>>("GetConsults"), c => c.ConsultId == requested.ConsultId);

        // Nobody at the township accepts within 30 min: it goes to the county.
        server.GrainClock.Advance(TimeSpan.FromMinutes(30));
        await WaitAsync(() => pushes[2].Any(c => c.ConsultId == requested.ConsultId && c.TargetCentreId == TestNetwork.CentreOf(net.County("a"))));

        // Nor at the county: it goes to the city, the third tier.
        server.GrainClock.Advance(TimeSpan.FromMinutes(30));
        await WaitAsync(() => pushes[4].Any(c => c.ConsultId == requested.ConsultId && c.TargetCentreId == TestNetwork.CentreOf(net.City)));

        await Assert.ThrowsAsync<HubException>(() => outsider.Connection.InvokeAsync<ConsultView>("AcceptConsult", requested.ConsultId));
        await Assert.ThrowsAsync<HubException>(() => county.Connection.InvokeAsync<ConsultView>("AcceptConsult", requested.ConsultId));
        var accepted = await city.Connection.InvokeAsync<ConsultView>("AcceptConsult", requested.ConsultId);
        var answered = await city.Connection.InvokeAsync<ConsultView>("AnswerConsult", requested.ConsultId, "Sinus rhythm with ventricular bigeminy; no VT.");
        Assert.Equal((ConsultState.Accepted, ConsultState.Answered), (accepted.State, answered.State));
        Assert.Equal(["Requested", "Routed", "Escalated", "Escalated", "Accepted", "Answered"], answered.History.Select(e => e.Kind.ToString()));

        // The requester sees the answer live; the other county never saw the consult.
        await WaitAsync(() => pushes[0].Any(c => c.ConsultId == requested.ConsultId && c.State == ConsultState.Answered));
        Assert.Empty(pushes[3]);

        // Each consult action is in the patient's audit log.
        string admin = await server.SignInNewUserAsync("admin-cons", "CentreAdministrator", TestNetwork.CentreOf(net.City));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", admin);
        var audit = await http.GetFromJsonAsync<List<AuditDto>>($"/api/patients/pat-cons/audit?from={now - 60_000}&to={DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1_000}", TestJson.Options);
        string[] actions = [.. audit!.Where(e => e.Action == "consult" && e.Outcome == "ok").Select(e => e.Target!.Split(' ')[0])];
        Assert.Equal(["request", "accept", "answer"], actions);
        Assert.Contains(audit!, e => e.Action == "consult" && e.Outcome.StartsWith("refused"));
        foreach (var console in new[] { village, township, county, outsider, city }) await console.DisposeAsync();
    }

    [Fact]
    public async Task AStatConsultFromAnAmbulanceGoesStraightToTheNearestCountyCentre()
    {
        var net = await TestNetwork.DefineAsync(server, "stat");
        await server.RegisterDeviceAsync("amb-stat", "Ambulance12Lead");
        await server.AdmitAsync("pat-stat", net.Village("b"), "amb-stat");
        var (crew, _) = await TestNetwork.ConsoleAsync(server, net.Village("b"), "Nurse");
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var stat = await crew.Connection.InvokeAsync<ConsultView>("RequestConsult",
            new ConsultInput("pat-stat", "ST elevation in V1-V4?", ConsultUrgency.Stat, now - 10_000, now));
        Assert.Equal(TestNetwork.CentreOf(net.County("b")), stat.TargetCentreId);
        Assert.True(stat.Request.FromAmbulance);
        await crew.DisposeAsync();
    }

    private sealed record AuditDto(string Action, string? Target, string Outcome);

    /// <summary>Every consult each console receives, per console.</summary>
    private static ConcurrentQueue<ConsultView>[] Record(params CentreConsole[] consoles)
    {
        var received = new ConcurrentQueue<ConsultView>[consoles.Length];
        for (int i = 0; i < consoles.Length; i++)
        {
            var queue = received[i] = new ConcurrentQueue<ConsultView>();
            consoles[i].Connection.On<ConsultView>(MonitoringHubMethods.Consult, queue.Enqueue);
        }
        return received;
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        for (var deadline = DateTime.UtcNow + Wait; DateTime.UtcNow < deadline; await Task.Delay(20))
        {
            if (condition()) return;
        }
        throw new TimeoutException("The expected consult push did not arrive.");
    }
}
