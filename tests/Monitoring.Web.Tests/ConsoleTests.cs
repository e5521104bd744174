using Microsoft.AspNetCore.SignalR.Client;
using Monitoring.Contracts.Consults;
using Monitoring.Server.Hubs;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Monitoring.Contracts.Alarms;
using Monitoring.Server.Tests;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Monitoring.Web.Tests;

/// <summary>
/// The monitoring-centre console in real headless Chromium against the real server and Azurite: a physician signs
/// in through the form, sees a patient's ECG drawn on the tile's canvas, sees a V-TACH alarm appear (red, flashing)
/// when the device streams ventricular tachycardia (mitdb 205), reviews its stored strip and acknowledges it; a
/// wrong password shows an error and nothing else; navigation goes down the tiers of the user's jurisdiction.
/// </summary>
public sealed class ConsoleTests(ConsoleServerFixture server, ChromiumFixture chromium, ITestOutputHelper output)
    : IClassFixture<ConsoleServerFixture>, IClassFixture<ChromiumFixture>
{
    private static readonly TimeSpan AlarmTimeout = TimeSpan.FromSeconds(15);
    private static readonly Regex Flashing = new(@"\bflashing\b");
    private const string Red = "rgb(255, 45, 45)";

    /// <summary>Uncaught exceptions and unhandled rejections of the console's scripts: every test expects none.</summary>
    private readonly List<string> _scriptErrors = [];

    [Fact]
    public async Task Physician_sees_the_live_waveform_and_acknowledges_a_ventricular_tachycardia_alarm()
    {
        var (userId, password) = await DefineCentreWithPhysicianAsync("web-vt");
        const string patientId = "p-web-vt", deviceId = "d-web-vt";
        string deviceToken = await TestNetwork.AdmitWithDeviceAsync(server, patientId, deviceId, "fac-web-vt");
        var page = await OpenConsoleAsync();

        await SignInAsync(page, userId, password);
        var tile = await WatchingTileAsync(page, patientId);
        await Expect(page.Locator("#centre-name")).ToHaveTextAsync("Centre c-web-vt");
        await Expect(tile.Locator(".tile-name")).ToContainTextAsync("Patient");

        // mitdb 205 from 4:30: sinus rhythm first, ventricular tachycardia from 4:58.8 on.
        var batches = RecordStream.Batches(deviceId, "mitdb", "205", 270, 310);
        int sinus = batches.Count / 2;
        await using var device = await HubClients.ConnectDeviceAsync(server.BaseAddress, deviceToken);
        foreach (var batch in batches.Take(sinus)) await device.SendAsync(batch);

        var trace = await WaitForTraceAsync(page, $".tile[data-patient-id='{patientId}'] canvas.tile-sweep");
        output.WriteLine($"Sweep canvas: {trace.Pixels} drawn pixels over {trace.Rows} rows.");
        Assert.True(trace.Rows >= 20, $"The trace spans {trace.Rows} pixel rows: a flat line, not an ECG.");
        await Expect(tile.Locator(".tile-quality")).ToHaveTextAsync("GOOD");
        await Screenshots.SaveAsync(page, "console-waveform");

        foreach (var batch in batches.Skip(sinus)) await device.SendAsync(batch);
        var streamed = System.Diagnostics.Stopwatch.StartNew();
        var ventricularTachycardia = page.Locator(
            $".alarm-list li.alarm[data-patient-id='{patientId}'][data-priority='High']", new() { HasText = "V-TACH" }).First;
        await Expect(ventricularTachycardia).ToBeVisibleAsync(new() { Timeout = (float)AlarmTimeout.TotalMilliseconds });
        output.WriteLine($"V-TACH shown {streamed.ElapsedMilliseconds} ms after the last batch was sent.");
        string alarmId = (await ventricularTachycardia.GetAttributeAsync("data-alarm-id"))!;
        var alarm = page.Locator($".alarm-list li.alarm[data-alarm-id='{alarmId}']");
        await Expect(alarm).ToHaveClassAsync(Flashing);
        await Expect(alarm.Locator(".alarm-label")).ToHaveCSSAsync("background-color", Red);
        await Expect(tile).ToHaveAttributeAsync("data-alarm-priority", "high");
        await Expect(tile).ToHaveClassAsync(Flashing);
        var label = tile.Locator(".tile-alarm-label");
        await Expect(label).ToHaveTextAsync("V-TACH");
        await Expect(label).ToHaveCSSAsync("background-color", Red);
        await Expect(label).ToHaveCSSAsync("animation-name", "flash");
        // The record's second run of VT, 1.2 s after the first, while nobody has reset the latched alarm: the same
        // alarm again, not a second V-TACH row.
        await Expect(alarm.Locator(".alarm-state")).ToContainTextAsync(new Regex(@"again \d\d:\d\d:\d\d"), new() { Timeout = (float)AlarmTimeout.TotalMilliseconds });
        await Expect(page.Locator($".alarm-list li.alarm[data-patient-id='{patientId}']", new() { HasText = "V-TACH" })).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page, "console-vt-alarm");

        // Alarm review: the stored strip around the onset (full disclosure is written in 10-s segments).
        await server.WaitPersistedAsync(deviceId, batches[^1].Sequence);
        await alarm.Locator("button.review").ClickAsync();
        await Expect(page.Locator("#review .review-message")).ToContainTextAsync("25 mm/s");
        var strip = await WaitForTraceAsync(page, "#review canvas", darkOnly: true);
        output.WriteLine($"Review strip: {strip.Pixels} trace pixels over {strip.Rows} rows.");
        await Screenshots.SaveAsync(page, "console-alarm-review");
        await page.Locator("#review button.close").ClickAsync();

        // Acknowledged: shown steady while the condition lasts, or gone from the list once a latched alarm is reset.
        await alarm.Locator("button.ack").ClickAsync();
        await Expect(page.Locator($".alarm-list li.alarm.flashing[data-alarm-id='{alarmId}']")).ToHaveCountAsync(0);
        await AcknowledgeRemainingAsync(page.Locator($".alarm-list li.alarm.flashing[data-patient-id='{patientId}'][data-priority='High']"));
        await Expect(page.Locator($".tile.flashing[data-patient-id='{patientId}'][data-alarm-priority='high']")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "console-acknowledged");
        Assert.Empty(_scriptErrors);

        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var journal = await server.Operator.GetFromJsonAsync<List<Alarm>>(
            $"/api/patients/{patientId}/alarms?from={now - 600_000}&to={now + 60_000}", TestJson.Options);
        Assert.Contains(journal!, a => a.AlarmId == alarmId && a.Condition == "VentricularTachycardia" && a.AcknowledgedBy == userId);
    }

    [Fact]
    public async Task A_paced_patients_pacemaker_pulses_are_marked_live_and_on_the_alarm_review()
    {
        var (userId, password) = await DefineCentreWithPhysicianAsync("web-paced");
        const string patientId = "p-web-paced", deviceId = "d-web-paced";
        string deviceToken = await TestNetwork.AdmitWithDeviceAsync(server, patientId, deviceId, "fac-web-paced");
        (await server.Operator.PutAsJsonAsync($"/api/patients/{patientId}/alarm-settings", new Contracts.Patients.PatientAlarmSettings { Paced = true }))
            .EnsureSuccessStatusCode();
        var page = await OpenConsoleAsync();
        await SignInAsync(page, userId, password);
        await WatchingTileAsync(page, patientId);

        // mitdb/107 from 10:00, its device reporting a pacemaker pulse 400 ms after each paced beat: the pacemaker
        // fires and nothing answers it (PACER NOT CAPTURE).
        var batches = RecordStream.Batches(deviceId, "mitdb", "107", 600, 620, pacePulseShiftMs: 400);
        await using var device = await HubClients.ConnectDeviceAsync(server.BaseAddress, deviceToken);
        foreach (var batch in batches) await device.SendAsync(batch);
        var alarm = page.Locator($".alarm-list li.alarm[data-patient-id='{patientId}']", new() { HasText = "PACER NOT CAPTURE" }).First;
        await Expect(alarm).ToBeVisibleAsync(new() { Timeout = (float)AlarmTimeout.TotalMilliseconds });
        // The live sweep marks the pulses too, over the trace (a tile shows about 3.5 s: 3 or 4 pulses of 107's).
        int liveMarks = await PaceMarksAsync(page, $".tile[data-patient-id='{patientId}'] canvas.tile-sweep", minimum: 2);
        await Screenshots.SaveAsync(page, "console-paced-live");

        await server.WaitPersistedAsync(deviceId, batches[^1].Sequence);
        await alarm.Locator("button.review").ClickAsync();
        await Expect(page.Locator("#review .review-message")).ToContainTextAsync("blue ticks: pacemaker pulses");
        await WaitForTraceAsync(page, "#review canvas", darkOnly: true);
        int marks = await PaceMarksAsync(page, "#review canvas", minimum: 5);
        int pulses = batches.Sum(b => b.PacePulses.Length);
        output.WriteLine($"Pace marks: {liveMarks} on the live sweep, {marks} on the review strip; {pulses} pulses sent in the 20 s streamed.");
        await Screenshots.SaveAsync(page, "console-paced-review");
        await page.Locator("#review button.close").ClickAsync();
        Assert.Empty(_scriptErrors);
    }

    [Fact]
    public async Task Wrong_password_shows_an_error_and_no_patient_data()
    {
        var (userId, _) = await DefineCentreWithPhysicianAsync("web-denied");
        await TestNetwork.AdmitWithDeviceAsync(server, "p-web-denied", "d-web-denied", "fac-web-denied");
        var page = await OpenConsoleAsync();

        await SignInAsync(page, userId, "not-the-password-at-all");

        await Expect(page.Locator("#signin-error")).ToHaveTextAsync("Wrong user id or password.");
        await Expect(page.Locator("#console")).ToBeHiddenAsync();
        await Expect(page.Locator(".tile")).ToHaveCountAsync(0);
        await Expect(page.Locator(".alarm")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "console-wrong-password");
        Assert.Empty(_scriptErrors);
    }

    [Fact]
    public async Task County_physician_navigates_down_the_tiers_to_a_village_patient()
    {
        var network = await TestNetwork.DefineAsync(server, "webnav");
        await TestNetwork.AdmitWithDeviceAsync(server, "p-web-nav", "d-web-nav", network.Village("a"));
        var (userId, password) = await DefinePhysicianAsync("phys-webnav", TestNetwork.CentreOf(network.County("a")));
        var page = await OpenConsoleAsync();

        await SignInAsync(page, userId, password);
        // The village clinic has a centre of its own: the patient is not the county's responsibility, but in its jurisdiction.
        await Expect(page.Locator("#view-title")).ToHaveTextAsync("My centre's patients");
        await Expect(page.Locator(".tile")).ToHaveCountAsync(0);
        await Expect(page.Locator("#facility-nav .children button")).ToHaveCountAsync(1);
        await page.Locator($"#facility-nav button[data-facility-id='{network.Township("a")}']").ClickAsync();
        await page.Locator($"#facility-nav button[data-facility-id='{network.Village("a")}']").ClickAsync();

        await Expect(page.Locator("#view-title")).ToHaveTextAsync($"Village · Facility {network.Village("a")}");
        await Expect(page.Locator(".tile[data-patient-id='p-web-nav']")).ToBeVisibleAsync();
        await Expect(page.Locator("#facility-nav .breadcrumb button")).ToHaveCountAsync(3);
        await Screenshots.SaveAsync(page, "console-navigation");
        Assert.Empty(_scriptErrors);
    }

    [Fact]
    public async Task Township_physician_accepts_and_answers_a_consult_from_the_village_and_sees_the_network_panel()
    {
        var network = await TestNetwork.DefineAsync(server, "webcons");
        string deviceToken = await TestNetwork.AdmitWithDeviceAsync(server, "p-web-cons", "d-web-cons", network.Village("a"));
        await TestNetwork.StreamVentricularTachycardiaAsync(server, "d-web-cons", deviceToken);
        var (userId, password) = await DefinePhysicianAsync("phys-webcons", TestNetwork.CentreOf(network.Township("a")));
        var page = await OpenConsoleAsync();
        await SignInAsync(page, userId, password);
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");

        // A nurse at the village clinic asks for a reading; it lands in the township's inbox, live.
        var (village, _) = await TestNetwork.ConsoleAsync(server, network.Village("a"), "Nurse");
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var consult = await village.Connection.InvokeAsync<ConsultView>("RequestConsult",
            new ConsultInput("p-web-cons", "Broad-complex tachycardia?", ConsultUrgency.Urgent, now - 30_000, now));
        var row = page.Locator($"#consult-inbox li.consult[data-consult-id='{consult.ConsultId}']");
        await Expect(row).ToContainTextAsync("Broad-complex tachycardia?");
        await Expect(row).ToContainTextAsync("Urgent · p-web-cons");

        await row.Locator("button", new() { HasText = "Accept" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Accepted");
        await row.Locator("input[name=answer]").FillAsync("Ventricular tachycardia; treat as VT.");
        await row.Locator("button", new() { HasText = "Answer" }).ClickAsync();
        var answered = await village.Connection.InvokeAsync<IReadOnlyList<ConsultView>>("GetConsults");
        Assert.DoesNotContain(answered, c => c.ConsultId == consult.ConsultId); // closed: out of the queues

        // The network panel lists the patient's device (it went offline when the stream ended).
        await page.Locator("details:has(#network-quality) > summary").ClickAsync();
        await Expect(page.Locator("#network-quality")).ToContainTextAsync("d-web-cons");
        await Expect(page.Locator("#network-quality")).ToContainTextAsync("OFFLINE");
        await Screenshots.SaveAsync(page, "console-consult-network");
        await village.DisposeAsync();
        Assert.Empty(_scriptErrors);
    }

    [Fact]
    public async Task Physician_pauses_the_alarm_audio_and_the_alarm_flashes_on_silently()
    {
        var (userId, password) = await DefineCentreWithPhysicianAsync("web-pause");
        const string patientId = "p-web-pause", deviceId = "d-web-pause";
        string deviceToken = await TestNetwork.AdmitWithDeviceAsync(server, patientId, deviceId, "fac-web-pause");
        var page = await OpenConsoleAsync();
        await SignInAsync(page, userId, password);
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");

        await TestNetwork.StreamVentricularTachycardiaAsync(server, deviceId, deviceToken);
        var alarm = page.Locator($".alarm-list li.alarm[data-patient-id='{patientId}'][data-priority='High']", new() { HasText = "V-TACH" }).First;
        await Expect(alarm).ToBeVisibleAsync(new() { Timeout = (float)AlarmTimeout.TotalMilliseconds });
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-sounding", "High");

        await page.Locator($".tile[data-patient-id='{patientId}'] button.pause-audio").ClickAsync();
        // IEC 60601-1-8 audio paused: the sound stops for the pause, the alarm stays unacknowledged and flashing (still
        // present: audio paused; the run of VT over: latched until reset).
        await Expect(alarm).ToHaveAttributeAsync("data-state", new Regex("^(AudioPaused|Latched)$"));
        await Expect(alarm).ToHaveClassAsync(Flashing);
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-sounding", "");
        await Screenshots.SaveAsync(page, "console-audio-paused");
        Assert.Empty(_scriptErrors);
    }

    [Fact]
    public async Task Township_physician_accepts_a_high_priority_alarm_escalated_from_an_unanswered_village_centre()
    {
        var network = await TestNetwork.DefineAsync(server, "webesc");
        string deviceToken = await TestNetwork.AdmitWithDeviceAsync(server, "p-web-esc", "d-web-esc", network.Village("a"));
        var (userId, password) = await DefinePhysicianAsync("phys-webesc", TestNetwork.CentreOf(network.Township("a")));
        var page = await OpenConsoleAsync();
        await SignInAsync(page, userId, password);
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");

        // Nobody at the village clinic acknowledges: after the escalation time the alarm reaches the township.
        await TestNetwork.StreamVentricularTachycardiaAsync(server, "d-web-esc", deviceToken);
        var escalated = page.Locator(".alarm-list li.alarm[data-patient-id='p-web-esc'][data-priority='High']", new() { HasText = "escalated L1" }).First;
        await Expect(escalated).ToBeVisibleAsync(new() { Timeout = (float)(AlarmTimeout + ConsoleServerFixture.HighEscalation).TotalMilliseconds });
        string alarmId = (await escalated.GetAttributeAsync("data-alarm-id"))!;
        var row = page.Locator($".alarm-list li.alarm[data-alarm-id='{alarmId}']");
        await Screenshots.SaveAsync(page, "console-escalated-alarm");

        await row.Locator("button", new() { HasText = "Accept" }).ClickAsync();
        await Expect(row.Locator("button", new() { HasText = "Accept" })).ToHaveCountAsync(0);
        await Expect(row.Locator("button", new() { HasText = "Decline" })).ToHaveCountAsync(0);
        Assert.Empty(_scriptErrors);

        // The step is on the alarm's record: delivered to the console, then accepted by this physician.
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var journal = await server.Operator.GetFromJsonAsync<List<Alarm>>(
            $"/api/patients/p-web-esc/alarms?from={now - 600_000}&to={now + 60_000}", TestJson.Options);
        var step = journal!.Where(a => a.AlarmId == alarmId).SelectMany(a => a.Escalation).Last(s => s.CentreId == TestNetwork.CentreOf(network.Township("a")));
        Assert.NotNull(step.DeliveredUnixMs);
        Assert.Equal((EscalationResponse.Accepted, userId), (step.Response, step.RespondedBy));
    }

    [Fact]
    public async Task A_console_that_missed_an_alarm_push_catches_up_with_the_server()
    {
        var network = await TestNetwork.DefineAsync(server, "websync");
        const string patientId = "p-web-sync";
        string deviceToken = await TestNetwork.AdmitWithDeviceAsync(server, patientId, "d-web-sync", network.Village("a"));
        var (userId, password) = await DefinePhysicianAsync("phys-websync", TestNetwork.CentreOf(network.Village("a")));
        var page = await OpenConsoleAsync();
        await SignInAsync(page, userId, password);
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        await TestNetwork.StreamVentricularTachycardiaAsync(server, "d-web-sync", deviceToken);
        var flashing = page.Locator($".alarm-list li.alarm.flashing[data-patient-id='{patientId}'][data-priority='High']", new() { HasText = "V-TACH" }).First;
        await Expect(flashing).ToBeVisibleAsync(new() { Timeout = (float)AlarmTimeout.TotalMilliseconds });
        string alarmId = (await flashing.GetAttributeAsync("data-alarm-id"))!;

        // A colleague acknowledges it at another console, and the push of that change to this console is lost.
        server.LostPushes.LoseAlarmsOf(patientId);
        var (colleague, _) = await TestNetwork.ConsoleAsync(server, network.Village("a"), "Physician");
        await using var _ = colleague;
        Alarm changed = (await colleague.Connection.InvokeAsync<Alarm?>("AcknowledgeAlarm", alarmId))!;
        Assert.True(server.LostPushes.Lost >= 1, "the acknowledgement was pushed after all");
        output.WriteLine($"Acknowledged elsewhere: {changed.State}.");

        // Within one comparison with the server (every 10 s) this console shows it acknowledged, or gone once reset.
        var timeout = new LocatorAssertionsToHaveCountOptions { Timeout = 25_000 };
        var row = page.Locator($".alarm-list li.alarm[data-alarm-id='{alarmId}']");
        if (changed.State == AlarmState.Resolved) await Expect(row).ToHaveCountAsync(0, timeout);
        else await Expect(page.Locator($".alarm-list li.alarm.flashing[data-alarm-id='{alarmId}']")).ToHaveCountAsync(0, timeout);
        Assert.Empty(_scriptErrors);
    }

    /// <summary>
    /// Without its connection a console receives no alarm, so losing it for more than 10 s is a technical alarm of the
    /// console's own (medium priority: a flashing yellow banner and the medium tone); the console keeps reconnecting
    /// and the alarm ends when it is back. A token the server refuses (expired with the shift) brings the sign-in form
    /// back, saying why. The hub's traffic runs through the test, which cuts it.
    /// </summary>
    [Fact]
    public async Task A_console_that_loses_its_server_raises_a_technical_alarm_and_a_refused_token_brings_back_the_sign_in()
    {
        var (userId, password) = await DefineCentreWithPhysicianAsync("web-link");
        var page = await OpenConsoleAsync();
        var link = HubLink.Open;
        var sockets = new List<(IWebSocketRoute Page, IWebSocketRoute Server)>();
        await page.RouteWebSocketAsync("**/hubs/monitoring**", socket =>
        {
            if (link != HubLink.Open)
            {
                _ = socket.CloseAsync();
                return;
            }
            lock (sockets) sockets.Add((socket, socket.ConnectToServer()));
        });
        await page.RouteAsync("**/hubs/monitoring/negotiate**", route => link switch
        {
            HubLink.Open => route.ContinueAsync(),
            HubLink.Unreachable => route.AbortAsync(),
            _ => route.FulfillAsync(new RouteFulfillOptions { Status = 401 }),
        });
        async Task CutAsync(HubLink how)
        {
            link = how;
            List<(IWebSocketRoute Page, IWebSocketRoute Server)> open;
            lock (sockets) { open = [.. sockets]; sockets.Clear(); }
            foreach (var (pageSide, serverSide) in open)
            {
                await serverSide.CloseAsync();
                await pageSide.CloseAsync();
            }
        }

        await SignInAsync(page, userId, password);
        var state = page.Locator("#connection");
        var banner = page.Locator("#connection-lost");
        await Expect(state).ToHaveAttributeAsync("data-state", "connected");

        // The server becomes unreachable: a short drop shows in the bar only, then it is an alarm.
        await CutAsync(HubLink.Unreachable);
        await Expect(state).ToHaveAttributeAsync("data-state", "reconnecting");
        await Expect(banner).ToBeHiddenAsync();
        await Expect(banner).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(banner).ToContainTextAsync("NO CONNECTION TO THE MONITORING SERVER");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-sounding", "Medium");
        await Screenshots.SaveAsync(page, "console-connection-lost");

        // It is back: the console reconnects by itself (every 10 s at the longest) and the alarm ends.
        link = HubLink.Open;
        await Expect(state).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 20_000 });
        await Expect(banner).ToBeHiddenAsync(new() { Timeout = 3_000 });
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-sounding", "", new() { Timeout = 3_000 });
        // What could not load while it was down (the cut came as the console was loading) is loaded now.
        await Expect(page.Locator("#centre-name")).ToHaveTextAsync("Centre c-web-link");
        await Expect(page.Locator("#facility-nav .unavailable, #consult-inbox .unavailable")).ToHaveCountAsync(0);

        // The server refuses the token: back to the sign-in form, which says why.
        await CutAsync(HubLink.Refused);
        await Expect(page.Locator("#signin")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(page.Locator("#signin-error")).ToContainTextAsync("Your session has ended");
        await Expect(page.Locator("#console")).ToBeHiddenAsync();
        await Screenshots.SaveAsync(page, "console-session-expired");
        Assert.Empty(_scriptErrors);
    }

    private enum HubLink { Open, Unreachable, Refused }

    /// <summary>A centre at a provincial facility of its own and a physician of it with a known password.</summary>
    private async Task<(string UserId, string Password)> DefineCentreWithPhysicianAsync(string name)
    {
        await server.DefineFacilityAsync("fac-" + name, "Province", null);
        await server.DefineCentreAsync("c-" + name, "fac-" + name);
        return await DefinePhysicianAsync("phys-" + name, "c-" + name);
    }

    private async Task<(string UserId, string Password)> DefinePhysicianAsync(string userId, string centreId)
    {
        string password = "pw-" + Guid.NewGuid().ToString("N");
        (await server.Operator.PostAsJsonAsync("/api/users",
            new { userId, displayName = "Dr " + userId, role = "Physician", centreId, password })).EnsureSuccessStatusCode();
        return (userId, password);
    }

    private async Task<IPage> OpenConsoleAsync()
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.Console += (_, message) => output.WriteLine($"browser {message.Type}: {message.Text}");
        page.PageError += (_, error) =>
        {
            output.WriteLine($"browser error: {error}");
            _scriptErrors.Add(error);
        };
        page.Response += (_, response) => { if (response.Status >= 400) output.WriteLine($"HTTP {response.Status}: {response.Url}"); };
        await page.GotoAsync("/");
        return page;
    }

    /// <summary>mitdb 205 has more than one run of VT in the stretch streamed: acknowledges the others, one at a time.</summary>
    private static async Task AcknowledgeRemainingAsync(ILocator flashing)
    {
        for (int remaining = await flashing.CountAsync(); remaining > 0; remaining = await flashing.CountAsync())
        {
            await flashing.First.Locator("button.ack").ClickAsync();
            await Expect(flashing).ToHaveCountAsync(remaining - 1);
        }
    }

    private static async Task SignInAsync(IPage page, string userId, string password)
    {
        await page.Locator("#signin-form [name=userId]").FillAsync(userId);
        await page.Locator("#signin-form [name=password]").FillAsync(password);
        await page.Locator("#signin-form button[type=submit]").ClickAsync();
    }

    /// <summary>
    /// Waits until the patient's tile is shown and its live waveform is being watched: frames a device sends before
    /// that never reach the page.
    /// </summary>
    private static async Task<ILocator> WatchingTileAsync(IPage page, string patientId)
    {
        var tile = page.Locator($".tile[data-patient-id='{patientId}']");
        await Expect(tile).ToBeVisibleAsync();
        await Expect(tile).ToHaveAttributeAsync("data-live", "watching");
        return tile;
    }

    /// <summary>
    /// Waits until a canvas shows at least <paramref name="minimum"/> pacemaker-pulse marks (blue ticks in its top rows,
    /// counted as runs of blue pixel columns); returns how many it shows.
    /// </summary>
    private static async Task<int> PaceMarksAsync(IPage page, string canvasSelector, int minimum)
    {
        const string count = """
            selector => {
              const canvas = document.querySelector(selector);
              if (!canvas || canvas.width === 0) return 0;
              const rows = 8, data = canvas.getContext("2d").getImageData(0, 0, canvas.width, rows).data;
              let marks = 0, inMark = false;
              for (let x = 0; x < canvas.width; x++) {
                let blue = false;
                for (let y = 0; y < rows && !blue; y++) {
                  const i = (y * canvas.width + x) * 4;
                  blue = data[i + 3] > 128 && data[i + 2] > 180 && data[i] < 100 && data[i + 1] < 160;
                }
                if (blue && !inMark) marks++;
                inMark = blue;
              }
              return marks;
            }
            """;
        int marks = 0;
        for (int attempt = 0; attempt < 100 && marks < minimum; attempt++)
        {
            if (attempt > 0) await Task.Delay(100);
            marks = await page.EvaluateAsync<int>(count, canvasSelector);
        }
        Assert.True(marks >= minimum, $"{canvasSelector} showed {marks} pace marks in 10 s.");
        return marks;
    }

    /// <summary>
    /// Waits until a canvas shows at least 500 trace pixels; returns how many, and over how many pixel rows. On the
    /// transparent sweep canvas every drawn pixel is trace; on the review strip (white, green grid, red onset marker)
    /// the trace is the dark pixels.
    /// </summary>
    private static async Task<(int Pixels, int Rows)> WaitForTraceAsync(IPage page, string canvasSelector, bool darkOnly = false)
    {
        const string count = """
            ([selector, darkOnly]) => {
              const canvas = document.querySelector(selector);
              if (!canvas || canvas.width === 0) return [0, 0];
              const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
              let pixels = 0; const rows = new Set();
              for (let i = 0; i < data.length; i += 4) {
                const dark = data[i + 3] > 128 && data[i] < 100 && data[i + 1] < 100 && data[i + 2] < 100;
                if (darkOnly ? dark : data[i + 3] > 0) { pixels++; rows.add(Math.floor(i / 4 / canvas.width)); }
              }
              return [pixels, rows.size];
            }
            """;
        int[] result = [0, 0];
        for (int attempt = 0; attempt < 100 && result[0] < 500; attempt++)
        {
            if (attempt > 0) await Task.Delay(100);
            result = await page.EvaluateAsync<int[]>(count, new object[] { canvasSelector, darkOnly });
        }
        Assert.True(result[0] >= 500, $"{canvasSelector} showed {result[0]} trace pixels in 10 s.");
        return (result[0], result[1]);
    }
}
