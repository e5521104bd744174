using System.CommandLine;
using System.Text.Json;

namespace Monitoring.Simulator;

/// <summary>
/// <c>console</c>: a monitoring-centre console on its own, in its own process, measuring alarm latency for a set time;
/// so that the figure does not include the simulator's own load (hundreds of device connections in one process).
/// </summary>
public static class ConsoleCommand
{
    public static Command Create()
    {
        var server = new Option<string>("--server") { DefaultValueFactory = _ => "http://127.0.0.1:5080", Description = "The host the console connects to" };
        var token = new Option<string>("--token") { Required = true, Description = "A clinician's JWT (the simulator prints the demo centre's with --provision)" };
        var duration = new Option<double>("--duration") { Required = true, Description = "Seconds to stay connected" };
        var report = new Option<string?>("--report") { Description = "Write the JSON summary here instead of stdout" };
        var watch = new Option<int>("--watch") { DefaultValueFactory = _ => 0, Description = "Watch the live waveform of this many of the centre's patients and measure its lag" };
        var command = new Command("console", "Connect a centre console and measure alarm latency (batch arrival at the server to this client).")
        {
            server, token, duration, report, watch,
        };
        command.SetAction(async (parse, cancel) =>
        {
            if (!Uri.TryCreate(parse.GetValue(server), UriKind.Absolute, out Uri? url))
            {
                Console.Error.WriteLine($"'{parse.GetValue(server)}' is not an absolute URL.");
                return 2;
            }
            await using CentreConsole console = await CentreConsole.ConnectAsync(url, parse.GetValue(token)!, cancel);
            int watched = parse.GetValue(watch) > 0 ? await console.WatchAsync(parse.GetValue(watch), cancel) : 0;
            await Task.Delay(TimeSpan.FromSeconds(parse.GetValue(duration)), cancel);
            var summary = new { alarmLatency = console.Latency(), patientsWatched = watched, waveformLag = console.WaveformLag() };
            string json = JsonSerializer.Serialize(summary, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
            if (parse.GetValue(report) is { } file) await File.WriteAllTextAsync(file, json, cancel);
            else Console.WriteLine(json);
            return 0;
        });
        return command;
    }
}
