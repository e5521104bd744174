using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace Monitoring.Cluster.Tests;

/// <summary>
/// A V-TACH alarm nobody acknowledges, on a patient of a city centre under a province centre; the host running the
/// patient's grain is killed with SIGKILL before the alarm is due to escalate. The grain comes back on another host
/// (the device's resent batches, or the reminder, activate it) and the escalation to the province happens on schedule,
/// once.
/// </summary>
public sealed class EscalationFailoverTests(ITestOutputHelper output)
{
    /// <summary>AlarmPolicy.HighEscalationSeconds, the servers' default.</summary>
    private static readonly TimeSpan HighEscalation = TimeSpan.FromSeconds(30);

    /// <summary>How far from its due time the escalation may happen across a failover.</summary>
    private const long ToleranceMs = 5_000;

    [Fact]
    public async Task An_escalation_in_progress_continues_on_schedule_after_the_patients_host_is_killed()
    {
        await using LocalCluster cluster = await LocalCluster.StartAsync(3);
        const string province = "centre-esc-province", city = "centre-esc-city", cityFacility = "fac-esc-city";
        string consoleToken = await ClusterConsole.RegisterCentreAsync(cluster, province);
        using (HttpClient http = cluster.Operator())
        {
            (await http.PostAsJsonAsync("/api/network/facilities", new { facilityId = cityFacility, name = "City", tier = "City", parentId = ClusterConsole.FacilityOf(province) })).EnsureSuccessStatusCode();
            (await http.PostAsJsonAsync("/api/network/centres", new { centreId = city, name = "City centre", facilityId = cityFacility })).EnsureSuccessStatusCode();
        }
        string deviceToken = await cluster.ProvisionDeviceAsync("dev-esc", "pat-esc", city, facilityId: cityFacility);
        var consoles = new List<ClusterConsole>();
        for (int host = 0; host < cluster.Hosts; host++) consoles.Add(await ClusterConsole.ConnectAsync(cluster.Host(host), consoleToken));

        // mitdb/205 from 4:40: sinus rhythm, then ventricular tachycardia at 4:58.8.
        var record = StreamingDevice.Record("mitdb", "205");
        await using var device = new StreamingDevice("dev-esc", "pat-esc", deviceToken, record, 280 * record.SamplingRateHz, cluster.Host(0), cluster.AllHosts);
        await device.StartAsync();
        try
        {
            (string alarmId, long dueUnixMs, string silo) = await WaitForEscalatingVTachAsync(cluster);
            // The alarm is pushed while it is being stored: a host killed in between takes the unstored alarm with it
            // (a known window, not what this test is about). The kill waits until the alarm log has it; the grain
            // state is written together with it.
            await WaitUntilLoggedAsync(cluster, alarmId);
            int killed = cluster.HostOf(silo);
            Assert.True(dueUnixMs - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() > 10_000, "the alarm is too close to its escalation for the test to mean anything");
            cluster.KillServer(killed);
            long killedUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var surviving = consoles.Where((_, host) => host != killed).ToList();

            await Eventually.Until(
                () => surviving.All(c => c.Alarms.Any(a => a.AlarmId == alarmId && a.Escalation.Count > 0)),
                HighEscalation + TimeSpan.FromSeconds(15), "escalation to the province on the consoles of the surviving hosts", cluster.Logs);
            long receivedUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await Task.Delay(TimeSpan.FromSeconds(5)); // any second escalation would show by now

            foreach (ClusterConsole console in surviving)
            {
                var escalations = console.Alarms.Where(a => a.AlarmId == alarmId).SelectMany(a => a.Escalation).Select(s => (s.CentreId, s.EscalatedUnixMs)).Distinct().ToList();
                var step = Assert.Single(escalations); // once
                Assert.Equal(province, step.CentreId);
                output.WriteLine($"host {killed} killed {dueUnixMs - killedUnixMs} ms before the escalation was due; escalated {step.EscalatedUnixMs - dueUnixMs} ms after due");
                Assert.InRange(step.EscalatedUnixMs, dueUnixMs - 1_000, dueUnixMs + ToleranceMs); // on schedule
            }
            Assert.True(receivedUnixMs <= dueUnixMs + ToleranceMs + 1_000, $"escalation pushed {receivedUnixMs - dueUnixMs} ms after it was due");
            // The patient's grain now runs elsewhere.
            Assert.NotEqual(killed, cluster.HostOf((await PatientAsync(cluster, (killed + 1) % cluster.Hosts)).GetProperty("host").GetString()!));
        }
        finally
        {
            foreach (ClusterConsole console in consoles) await console.DisposeAsync();
        }
    }

    /// <summary>Polls the patient until its V-TACH alarm is raised; returns it, when it is due to escalate, and the patient's host.</summary>
    private static async Task<(string AlarmId, long DueUnixMs, string Host)> WaitForEscalatingVTachAsync(LocalCluster cluster)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            JsonElement patient = await PatientAsync(cluster, 0);
            foreach (JsonElement alarm in patient.GetProperty("activeAlarms").EnumerateArray())
            {
                if (alarm.GetProperty("condition").GetString() == "VentricularTachycardia"
                    && alarm.TryGetProperty("escalationDueUnixMs", out JsonElement due) && due.ValueKind == JsonValueKind.Number)
                    return (alarm.GetProperty("alarmId").GetString()!, due.GetInt64(), patient.GetProperty("host").GetString()!);
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"No V-TACH alarm within 60 s.\n{cluster.Logs()}");
    }

    private static async Task WaitUntilLoggedAsync(LocalCluster cluster, string alarmId)
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using HttpClient http = cluster.Operator(0);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var logged = await http.GetFromJsonAsync<JsonElement>($"/api/patients/pat-esc/alarms?from={now - 600_000}&to={now + 600_000}");
            if (logged.EnumerateArray().Any(entry => entry.GetProperty("alarmId").GetString() == alarmId)) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Alarm {alarmId} not in the alarm log within 10 s.\n{cluster.Logs()}");
    }

    private static async Task<JsonElement> PatientAsync(LocalCluster cluster, int host)
    {
        using HttpClient http = cluster.Operator(host);
        return await http.GetFromJsonAsync<JsonElement>("/api/patients/pat-esc");
    }
}
