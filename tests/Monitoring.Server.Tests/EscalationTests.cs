using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Patients;

namespace Monitoring.Server.Tests;

/// <summary>
/// Escalation up the tiers on the real server and Azurite, with the grains on a fake clock: an unacknowledged
/// high-priority alarm goes one centre up every 30 s, stops when acknowledged, and survives a server restart
/// without losing or repeating a step.
/// </summary>
public class EscalationTests(FakeClockServerFixture server) : IClassFixture<FakeClockServerFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan HighEscalation = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AHighPriorityAlarmEscalatesVillageToTownshipToCountyOnScheduleAndStopsWhenAcknowledged()
    {
        var net = await TestNetwork.DefineAsync(server, "esc");
        string token = await TestNetwork.AdmitWithDeviceAsync(server, "pat-esc", "dev-esc", net.Village("a"));
        var (village, _) = await TestNetwork.ConsoleAsync(server, net.Village("a"), "Nurse");
        var (township, _) = await TestNetwork.ConsoleAsync(server, net.Township("a"), "Physician");
        var (county, _) = await TestNetwork.ConsoleAsync(server, net.County("a"), "Physician");
        var (city, _) = await TestNetwork.ConsoleAsync(server, net.City, "Physician");

        await TestNetwork.StreamVentricularTachycardiaAsync(server, "dev-esc", token);
        var (vt, _) = await village.WaitForAlarmAsync(a => a.Condition == "VentricularTachycardia", Wait);
        Assert.Equal((TestNetwork.CentreOf(net.Village("a")), 0, vt.RaisedUnixMs + 30_000), (vt.CentreId, vt.Escalation.Count, vt.EscalationDueUnixMs));

        server.GrainClock.Advance(HighEscalation);
        var (first, _) = await township.WaitForAlarmAsync(a => a.AlarmId == vt.AlarmId && a.Escalation.Count == 1, Wait);
        Assert.Equal((1, TestNetwork.CentreOf(net.Township("a")), vt.RaisedUnixMs + 30_000), (first.Escalation[0].Level, first.Escalation[0].CentreId, first.Escalation[0].EscalatedUnixMs));
        Assert.NotNull(await township.Connection.InvokeAsync<Alarm?>("ReportEscalation", vt.AlarmId, EscalationReport.Viewed));

        server.GrainClock.Advance(HighEscalation);
        var (second, _) = await county.WaitForAlarmAsync(a => a.AlarmId == vt.AlarmId && a.Escalation.Count == 2, Wait);
        Assert.Equal((TestNetwork.CentreOf(net.County("a")), vt.RaisedUnixMs + 60_000), (second.Escalation[1].CentreId, second.Escalation[1].EscalatedUnixMs));
        Assert.NotNull(second.Escalation[0].ViewedUnixMs);

        var acknowledged = await county.Connection.InvokeAsync<Alarm?>("AcknowledgeAlarm", vt.AlarmId);
        Assert.NotNull(acknowledged);
        Assert.Contains(acknowledged.State, new[] { AlarmState.Acknowledged, AlarmState.Resolved });
        Assert.Null(acknowledged.EscalationDueUnixMs);

        // Two more periods: nothing reaches the city.
        server.GrainClock.Advance(HighEscalation * 2);
        await Task.Delay(1_500);
        Assert.DoesNotContain(city.Alarms, r => r.Alarm.AlarmId == vt.AlarmId && r.Alarm.Escalation.Count > 2);
        Assert.DoesNotContain(county.Alarms, r => r.Alarm.AlarmId == vt.AlarmId && r.Alarm.Escalation.Count > 2);
        foreach (var console in new[] { village, township, county, city }) await console.DisposeAsync();
    }

    [Fact]
    public async Task ARestartDuringEscalationResumesItWithoutLosingOrRepeatingAStep()
    {
        var net = await TestNetwork.DefineAsync(server, "rst");
        string token = await TestNetwork.AdmitWithDeviceAsync(server, "pat-rst", "dev-rst", net.Village("b"));
        var (township, _) = await TestNetwork.ConsoleAsync(server, net.Township("b"), "Physician");
        string countyUser = await server.SignInNewUserAsync("county-physician-rst", "Physician", TestNetwork.CentreOf(net.County("b")));

        await TestNetwork.StreamVentricularTachycardiaAsync(server, "dev-rst", token);
        var (vt, _) = await township.WaitForAlarmAsync(a => a.Condition == "VentricularTachycardia", Wait);
        server.GrainClock.Advance(HighEscalation);
        await township.WaitForAlarmAsync(a => a.AlarmId == vt.AlarmId && a.Escalation.Count == 1, Wait);
        await township.DisposeAsync();

        await server.RestartAsync();
        await using var county = await CentreConsole.ConnectAsync(server.BaseAddress, countyUser);
        server.GrainClock.Advance(HighEscalation);

        // The durable reminder reactivates the patient after the restart; the step due at +60 s happens once, on schedule.
        var (second, _) = await county.WaitForAlarmAsync(a => a.AlarmId == vt.AlarmId && a.Escalation.Count == 2, Wait);
        Assert.Equal(
            [(TestNetwork.CentreOf(net.Township("b")), vt.RaisedUnixMs + 30_000), (TestNetwork.CentreOf(net.County("b")), vt.RaisedUnixMs + 60_000)],
            second.Escalation.Select(s => (s.CentreId, s.EscalatedUnixMs)));

        // After another restart (the county's list is read back from storage) its reconnecting console lists the alarm.
        await county.DisposeAsync();
        await server.RestartAsync();
        await using var again = await CentreConsole.ConnectAsync(server.BaseAddress, countyUser);
        await again.WaitForAlarmAsync(a => a.AlarmId == vt.AlarmId, Wait);
    }

    [Fact]
    public async Task TheDeadlineReminderIsRemovedByItsOwnTickOnceNothingIsPending()
    {
        var net = await TestNetwork.DefineAsync(server, "rem");
        string token = await TestNetwork.AdmitWithDeviceAsync(server, "pat-rem", "dev-rem", net.Village("a"));
        var (village, _) = await TestNetwork.ConsoleAsync(server, net.Village("a"), "Physician");
        var patient = (GrainReference)server.Services.GetRequiredService<IGrainFactory>().GetGrain<IPatientGrain>("pat-rem");
        var reminders = server.Services.GetRequiredService<IReminderTable>();
        async Task<bool> RegisteredAsync() => (await reminders.ReadRows(patient.GrainId)).Reminders.Count > 0;

        await TestNetwork.StreamVentricularTachycardiaAsync(server, "dev-rem", token);
        await village.WaitForAlarmAsync(a => a.Condition == "VentricularTachycardia", Wait);
        Assert.True(await EventuallyAsync(RegisteredAsync), "no reminder while an escalation is pending");

        // Acknowledge everything: no deadline is left. The alarm path leaves the reminder alone (removing it there
        // cost storage round trips before the next batch); its next tick, every 2 s here, removes it.
        await Task.Delay(1_000);
        foreach (string alarmId in village.Alarms.Select(r => r.Alarm).Where(a => a.State == AlarmState.Active).Select(a => a.AlarmId).Distinct())
        {
            var acknowledged = await village.Connection.InvokeAsync<Alarm?>("AcknowledgeAlarm", alarmId);
            Assert.Null(acknowledged?.EscalationDueUnixMs);
        }
        Assert.True(await EventuallyAsync(async () => !await RegisteredAsync()), "the reminder outlived its deadlines");
        await village.DisposeAsync();
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var waited = TimeSpan.Zero; waited < Wait; waited += TimeSpan.FromMilliseconds(200))
        {
            if (await condition()) return true;
            await Task.Delay(200);
        }
        return await condition();
    }
}
