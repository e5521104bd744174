using System.CommandLine;
using Monitoring.DeviceClient;

namespace Monitoring.Simulator;

/// <summary>The root command: replay shared WFDB records as N devices through the device client.</summary>
public static class SimulateCommand
{
    public const string DefaultRecords = "mitdb/101,mitdb/119,mitdb/208,vfdb/418,vfdb/424";

    public static RootCommand Create()
    {
        var server = new Option<Uri[]>("--server")
        {
            DefaultValueFactory = _ => [new Uri("http://127.0.0.1:5080")],
            // System.CommandLine's built-in Uri conversion refuses absolute http URLs here; parse them ourselves.
            CustomParser = ParseServers,
            Description = "The cloud's base address; repeat it for the hosts of a cluster (devices are spread over them and fail over to the others)",
        };
        var devices = new Option<int>("--devices") { DefaultValueFactory = _ => 10, Description = "Simulated devices (sim-0001, sim-0002, ...)" };
        var records = new Option<string>("--records")
        {
            DefaultValueFactory = _ => DefaultRecords,
            Description = "Comma-separated records, database/record under ../shared/ecg or paths without extension; device i replays record i mod n",
        };
        var batchMs = new Option<int>("--batch-ms") { DefaultValueFactory = _ => 250, Description = "Signal per batch, ms" };
        var speed = new Option<double>("--speed") { DefaultValueFactory = _ => 1.0, Description = "Replay speed (1 = real time; above 1 needs --duration)" };
        var duration = new Option<double?>("--duration") { Description = "Run time in seconds (default: until Ctrl+C)" };
        var leads = new Option<int>("--leads")
        {
            DefaultValueFactory = _ => 1,
            Description = "1 (patch: first channel), 2 (both channels) or 12 (synthetic 12-lead derived from the two channels)",
        };
        var prefix = new Option<string>("--device-prefix") { DefaultValueFactory = _ => "sim-", Description = "Device ids are this prefix and a 4-digit number" };
        var firstSequence = new Option<long>("--first-sequence")
        {
            DefaultValueFactory = _ => 1,
            Description = "Sequence of each device's first batch: the cloud remembers devices, so a rerun with the same ids must continue their numbering",
        };
        var maxInFlight = new Option<int>("--max-in-flight") { DefaultValueFactory = _ => 4, Description = "Invocations in flight per device" };
        var credentials = new Option<string?>("--credentials") { Description = "JSON file deviceId -> token; with --provision, where the issued tokens are written" };
        var provision = new Option<bool>("--provision") { Description = "Create centre, devices, patients and attachments through the operator API first" };
        var operatorKey = new Option<string?>("--operator-key") { Description = "Operator API bearer key (for --provision)" };
        var latency = new Option<double>("--latency-ms") { Description = "Extra round-trip time per invocation, ms" };
        var jitter = new Option<double>("--jitter-ms") { Description = "Spread of the extra round-trip time either way, ms" };
        var loss = new Option<double>("--loss") { Description = "Probability per batch that the device drops its connection (0-1)" };
        var disconnectEvery = new Option<double?>("--disconnect-every") { Description = "Drop every device's connection every so many seconds (reconnect storms)" };
        var report = new Option<string?>("--report") { Description = "Write the JSON summary here instead of stdout" };

        var root = new RootCommand("Device simulator: replays shared ECG records as many devices through the device client library.")
        {
            server, devices, prefix, firstSequence, records, batchMs, speed, duration, leads, maxInFlight, credentials, provision, operatorKey,
            latency, jitter, loss, disconnectEvery, report,
        };
        root.SetAction(async (parse, cancel) =>
        {
            var settings = new SimulationSettings
            {
                Servers = parse.GetValue(server)!,
                Devices = parse.GetValue(devices),
                Records = parse.GetValue(records)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                BatchMilliseconds = parse.GetValue(batchMs),
                Speed = parse.GetValue(speed),
                Duration = parse.GetValue(duration) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                Leads = parse.GetValue(leads),
                MaxInFlight = parse.GetValue(maxInFlight),
                DevicePrefix = parse.GetValue(prefix)!,
                FirstSequence = parse.GetValue(firstSequence),
                CredentialsFile = parse.GetValue(credentials),
                Provision = parse.GetValue(provision),
                OperatorKey = parse.GetValue(operatorKey),
                Impairment = new NetworkImpairment(
                    parse.GetValue(latency), parse.GetValue(jitter), parse.GetValue(loss),
                    parse.GetValue(disconnectEvery) is { } every ? TimeSpan.FromSeconds(every) : null),
                ReportFile = parse.GetValue(report),
            };
            if (Problems(settings) is { Count: > 0 } problems)
            {
                foreach (string problem in problems) Console.Error.WriteLine(problem);
                return 2;
            }
            // Status lines go to stderr so that stdout holds only the JSON summary.
            SimulationSummary summary = await new Simulation(settings, Console.Error).RunAsync(cancel);
            if (settings.ReportFile is { } file)
            {
                await using var writer = new StreamWriter(file);
                Simulation.WriteSummary(summary, writer);
            }
            else
            {
                Simulation.WriteSummary(summary, Console.Out);
            }
            return summary.Rejected == 0 ? 0 : 1;
        });
        return root;
    }

    private static List<string> Problems(SimulationSettings settings)
    {
        var problems = new List<string>();
        if (settings.Devices < 1) problems.Add("--devices must be at least 1.");
        if (settings.FirstSequence < 1) problems.Add("--first-sequence must be at least 1.");
        if (settings.Leads is not (1 or 2 or 12)) problems.Add("--leads must be 1, 2 or 12.");
        if (settings.Speed <= 0) problems.Add("--speed must be positive.");
        if (settings.Speed > 1 && settings.Duration is null)
            problems.Add("--speed above 1 needs --duration (the device clock is set back so that it ends at the present).");
        if (settings.Provision && string.IsNullOrEmpty(settings.OperatorKey)) problems.Add("--provision needs --operator-key.");
        if (settings.Impairment.LossProbability is < 0 or > 1) problems.Add("--loss is a probability, 0 to 1.");
        return problems;
    }

    private static Uri[] ParseServers(System.CommandLine.Parsing.ArgumentResult result)
    {
        var servers = new Uri[result.Tokens.Count];
        for (int i = 0; i < servers.Length; i++)
        {
            if (Uri.TryCreate(result.Tokens[i].Value, UriKind.Absolute, out var uri))
            {
                servers[i] = uri;
                continue;
            }
            result.AddError($"'{result.Tokens[i].Value}' is not an absolute URL.");
            return [];
        }
        return servers;
    }
}
