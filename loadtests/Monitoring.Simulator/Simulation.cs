using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Monitoring.Contracts.Devices;
using Monitoring.DeviceClient;
using Monitoring.Testing;
using Monitoring.Wfdb;

namespace Monitoring.Simulator;

using DeviceClient = Monitoring.DeviceClient.DeviceClient;

/// <summary>
/// Runs N simulated devices against a server: loads the records once, gets the devices' tokens (file, provisioning
/// or made up for the stub), starts every device at its own record, offset and phase, prints a status line every
/// 5 s and a JSON summary at the end.
/// </summary>
public sealed class Simulation(SimulationSettings settings, TextWriter status)
{
    private static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FinalDrain = TimeSpan.FromSeconds(15);

    /// <summary>Devices on the same record start this far apart in it, so that they do not send the same signal.</summary>
    private static readonly TimeSpan OffsetBetweenDevices = TimeSpan.FromSeconds(37);

    private readonly ConcurrentDictionary<string, long> _rejections = new();
    private string? _centreToken;

    public async Task<SimulationSummary> RunAsync(CancellationToken cancel)
    {
        IReadOnlyList<EcgRecording> recordings = LoadRecordings();
        IReadOnlyDictionary<string, string> tokens = await TokensAsync(cancel);
        var devices = new List<SimulatedDevice>();
        var clients = new List<DeviceClient>();
        CentreConsole? console = _centreToken is null ? null : await CentreConsole.ConnectAsync(settings.Server, _centreToken, cancel);
        try
        {
            List<string> deviceIds = [.. tokens.Keys.Order(StringComparer.Ordinal)];
            for (int i = 0; i < deviceIds.Count; i++) clients.Add(CreateClient(i, deviceIds[i], tokens[deviceIds[i]]));
            foreach (DeviceClient client in clients) await client.StartAsync();

            var stopwatch = Stopwatch.StartNew();
            TimeSpan cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            if (settings.Duration is { } duration) stop.CancelAfter(duration);

            // Each device sends a batch when its last sample has been taken, as a real device does: the device clock
            // starts one batch before the first batch is due, so a console's waveform lag is batching + network + server.
            TimeSpan untilFirstDue = TimeSpan.FromSeconds(0.5);
            long firstDue = Stopwatch.GetTimestamp() + (long)(untilFirstDue.TotalSeconds * Stopwatch.Frequency);
            long startUnixMs = DeviceClockStart() + (long)untilFirstDue.TotalMilliseconds - settings.BatchMilliseconds;
            long periodTicks = (long)(settings.BatchPeriod.TotalSeconds * Stopwatch.Frequency);
            var running = new List<Task>();
            for (int i = 0; i < clients.Count; i++)
            {
                long phase = periodTicks * i / clients.Count;
                long phaseMs = (long)(phase * 1000.0 / Stopwatch.Frequency * Math.Max(1, settings.Speed));
                devices.Add(new SimulatedDevice(clients[i], Batches(i, recordings, startUnixMs + phaseMs), settings.Impairment));
                running.Add(devices[i].RunAsync(firstDue + phase, settings.BatchPeriod, stop.Token));
            }
            Task storms = DisconnectStormsAsync(devices, stop.Token);
            double peakWorkingSetMb = await ReportStatusAsync(devices, stop.Token);
            await Task.WhenAll(running);
            await storms;
            TimeSpan elapsed = stopwatch.Elapsed;
            double cpuPercent = 100 * (Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalSeconds / elapsed.TotalSeconds;

            await DrainAsync(devices);
            return Summarize(devices, elapsed, cpuPercent, peakWorkingSetMb) with { AlarmLatency = console?.Latency() };
        }
        finally
        {
            if (console is not null) await console.DisposeAsync();
            foreach (DeviceClient client in clients) await client.DisposeAsync();
        }
    }

    public static void WriteSummary(SimulationSummary summary, TextWriter output) =>
        output.WriteLine(JsonSerializer.Serialize(summary, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));

    private IReadOnlyList<EcgRecording> LoadRecordings()
    {
        var recordings = new List<EcgRecording>();
        foreach (string record in settings.Records)
        {
            string path = Path.IsPathRooted(record) || File.Exists(record + ".hea") ? record : Path.Combine(SharedData.Ecg, record);
            recordings.Add(LeadLayout.Build(WfdbRecordReader.ReadSignals(path), settings.Leads));
        }
        return recordings;
    }

    private async Task<IReadOnlyDictionary<string, string>> TokensAsync(CancellationToken cancel)
    {
        var ids = Enumerable.Range(0, settings.Devices).Select(settings.DeviceId).ToList();
        if (settings.Provision)
        {
            var provisioning = Provisioning.Create(settings.Server, settings.OperatorKey!);
            var (issued, centreToken) = await provisioning.ProvisionAsync(ids, Kind(settings.Leads), cancel);
            _centreToken = centreToken;
            if (settings.CredentialsFile is { } file)
                await File.WriteAllTextAsync(file, JsonSerializer.Serialize(issued, new JsonSerializerOptions { WriteIndented = true }), cancel);
            status.WriteLine($"provisioned {issued.Count} devices, patients and centre {Provisioning.CentreId}; console token: {centreToken ?? "(unchanged)"}");
            return issued;
        }
        if (settings.CredentialsFile is { } credentials)
        {
            var fromFile = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(credentials, cancel))
                ?? throw new InvalidOperationException($"{credentials}: no credentials.");
            List<string> known = [.. fromFile.Keys.Order(StringComparer.Ordinal)];
            if (known.Count < settings.Devices)
                throw new InvalidOperationException($"{credentials} holds {known.Count} devices; {settings.Devices} asked for.");
            return known.Take(settings.Devices).ToDictionary(id => id, id => fromFile[id]);
        }
        // The stub takes any id:secret token.
        return ids.ToDictionary(id => id, id => id + ":simulated");
    }

    private static DeviceKind Kind(int leads) => leads switch
    {
        1 => DeviceKind.WearablePatch,
        12 => DeviceKind.Ambulance12Lead,
        _ => DeviceKind.BedsideMonitor,
    };

    /// <summary>
    /// Faster than real time, the device clock starts in the past so that it reaches the present when the run ends:
    /// the server rejects batches dated ahead of its clock.
    /// </summary>
    private long DeviceClockStart()
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        if (settings.Speed <= 1) return now;
        return now - (long)((settings.Speed - 1) * settings.Duration!.Value.TotalMilliseconds);
    }

    private DeviceClient CreateClient(int index, string deviceId, string token)
    {
        var (server, alternates) = settings.ServersFor(index);
        var options = new DeviceClientOptions
        {
            ServerUrl = server,
            AlternateServerUrls = alternates,
            DeviceId = deviceId,
            Token = token,
            MaxInFlight = settings.MaxInFlight,
            FirstSequence = settings.FirstSequence,
        };
        var client = new DeviceClient(settings.Impairment.Apply(options));
        client.BatchRejected += rejection => _rejections.AddOrUpdate(rejection.ErrorCode ?? "unknown", 1, (_, n) => n + 1);
        return client;
    }

    /// <summary>Device <paramref name="index"/> replays record <c>index mod n</c> from its own offset, its clock starting at <paramref name="startUnixMs"/>.</summary>
    private BatchBuilder Batches(int index, IReadOnlyList<EcgRecording> recordings, long startUnixMs)
    {
        EcgRecording recording = recordings[index % recordings.Count];
        int offset = (int)(index / recordings.Count * OffsetBetweenDevices.TotalSeconds * recording.SamplingRateHz % recording.Length);
        return new BatchBuilder(recording, settings.BatchMilliseconds, startUnixMs, offset, loop: true);
    }

    private async Task DisconnectStormsAsync(IReadOnlyList<SimulatedDevice> devices, CancellationToken stop)
    {
        if (settings.Impairment.DisconnectEvery is not { } every) return;
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                status.WriteLine($"{DateTime.Now:HH:mm:ss} dropping all {devices.Count} connections");
                await Task.WhenAll(devices.Select(d => d.Client.DropConnectionAsync()));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Prints a status line every 5 s until the run stops; returns the peak working set seen, MB.</summary>
    private async Task<double> ReportStatusAsync(IReadOnlyList<SimulatedDevice> devices, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(StatusInterval);
        var process = Process.GetCurrentProcess();
        long lastAccepted = 0;
        TimeSpan lastCpu = process.TotalProcessorTime;
        double peakMb = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                process.Refresh();
                peakMb = Math.Max(peakMb, process.WorkingSet64 / 1e6);
                var totals = Totals.Of(devices);
                TimeSpan cpu = process.TotalProcessorTime;
                status.WriteLine($"{DateTime.Now:HH:mm:ss} connected={totals.Connected}/{devices.Count} " +
                    $"accepted/s={(totals.Accepted - lastAccepted) / StatusInterval.TotalSeconds:F1} pending={totals.Pending} " +
                    $"resent={totals.Resent} rejected={totals.Rejected} stale={totals.DuplicatesOnFirstSend} late={totals.Late} reconnects={totals.Reconnects} " +
                    $"ack={totals.MeanAckLatencyMs:F1}ms cpu={100 * (cpu - lastCpu).TotalSeconds / StatusInterval.TotalSeconds:F0}%");
                lastAccepted = totals.Accepted;
                lastCpu = cpu;
            }
        }
        catch (OperationCanceledException)
        {
        }
        return peakMb;
    }

    /// <summary>Gives the devices a little time to get their last batches persisted (idle probes learn it).</summary>
    private static async Task DrainAsync(IReadOnlyList<SimulatedDevice> devices)
    {
        using var timeout = new CancellationTokenSource(FinalDrain);
        try
        {
            await Task.WhenAll(devices.Select(d => d.Client.DrainAsync(timeout.Token)));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private SimulationSummary Summarize(IReadOnlyList<SimulatedDevice> devices, TimeSpan elapsed, double cpuPercent, double peakWorkingSetMb)
    {
        var totals = Totals.Of(devices);
        return new SimulationSummary
        {
            Server = string.Join(" ", settings.Servers),
            Devices = devices.Count,
            Leads = settings.Leads,
            BatchMilliseconds = settings.BatchMilliseconds,
            Speed = settings.Speed,
            ElapsedSeconds = Math.Round(elapsed.TotalSeconds, 1),
            ScheduledBatchesPerSecond = Math.Round(devices.Count / settings.BatchPeriod.TotalSeconds, 1),
            Generated = totals.Generated,
            Late = totals.Late,
            MaxScheduleLagMs = Math.Round(totals.MaxLagMs, 1),
            BackPressured = totals.Blocked,
            Sent = totals.Sent,
            Accepted = totals.Accepted,
            AcceptedPerSecond = Math.Round(totals.Accepted / elapsed.TotalSeconds, 1),
            Duplicates = totals.Duplicates,
            DuplicatesOnFirstSend = totals.DuplicatesOnFirstSend,
            Rejected = totals.Rejected,
            Resent = totals.Resent,
            ResendRequests = totals.ResendRequests,
            Probes = totals.Probes,
            SendFailures = totals.SendFailures,
            Reconnects = totals.Reconnects,
            LostBatches = totals.LostBatches,
            LostSamples = totals.LostSamples,
            PendingAtEnd = totals.Pending,
            MeanAckLatencyMs = Math.Round(totals.MeanAckLatencyMs, 2),
            MaxAckLatencyMs = Math.Round(totals.MaxAckLatencyMs, 1),
            CpuPercentOfOneCore = Math.Round(cpuPercent, 1),
            PeakWorkingSetMb = Math.Round(peakWorkingSetMb, 0),
            RejectionsByCode = new SortedDictionary<string, long>(_rejections),
        };
    }

    /// <summary>The devices' counters added up.</summary>
    private sealed record Totals(
        int Connected, long Generated, long Late, double MaxLagMs, long Blocked, long Sent, long Accepted, long Duplicates,
        long DuplicatesOnFirstSend, long Rejected, long Resent, long ResendRequests, long Probes, long SendFailures, long Reconnects, long LostBatches, long LostSamples,
        long Pending, double MeanAckLatencyMs, double MaxAckLatencyMs)
    {
        public static Totals Of(IReadOnlyList<SimulatedDevice> devices)
        {
            var statistics = devices.Select(d => d.Client.GetStatistics()).ToList();
            long acknowledged = statistics.Sum(s => s.Accepted + s.Duplicates + s.Rejected);
            double latencySum = statistics.Sum(s => s.MeanAckLatencyMs * (s.Accepted + s.Duplicates + s.Rejected));
            return new Totals(
                statistics.Count(s => s.Connected),
                devices.Sum(d => d.Generated),
                devices.Sum(d => d.Late),
                devices.Count == 0 ? 0 : devices.Max(d => d.MaxLagMs),
                devices.Sum(d => d.Blocked),
                statistics.Sum(s => s.Sent),
                statistics.Sum(s => s.Accepted),
                statistics.Sum(s => s.Duplicates),
                statistics.Sum(s => s.DuplicatesOnFirstSend),
                statistics.Sum(s => s.Rejected),
                statistics.Sum(s => s.Resent),
                statistics.Sum(s => s.ResendRequests),
                statistics.Sum(s => s.Probes),
                statistics.Sum(s => s.SendFailures),
                statistics.Sum(s => s.Reconnects),
                statistics.Sum(s => s.LostBatches),
                devices.Select((d, i) => (long)Math.Round(statistics[i].LostSeconds * d.SamplingRateHz)).Sum(),
                statistics.Sum(s => s.Pending),
                acknowledged == 0 ? 0 : latencySum / acknowledged,
                statistics.Count == 0 ? 0 : statistics.Max(s => s.MaxAckLatencyMs));
        }
    }
}
