using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.SignalR.Client;
using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Live;

namespace Monitoring.Simulator;

/// <summary>
/// A monitoring-centre console that measures alarm latency: from the arrival at the server of the batch that revealed
/// a condition (<see cref="Alarm.EvidenceArrivedUnixMs"/>) to the alarm reaching this client. When it watches
/// patients, it also measures their live waveform's lag: from the time of a frame's last sample to the frame reaching
/// this client (for a device streaming in real time: batching, network and server together). Server, devices and
/// console share one clock when they run on one machine; across machines the figures include the clock offset.
/// </summary>
public sealed class CentreConsole : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly List<double> _latenciesMs = [];
    private readonly List<double> _waveformLagsMs = [];

    private CentreConsole(HubConnection connection)
    {
        _connection = connection;
        connection.On<Alarm>(MonitoringHubMethods.Alarm, OnAlarm);
        connection.On<WaveformFrame>(MonitoringHubMethods.Waveform, OnWaveform);
    }

    /// <summary>Watches the live waveform of the first <paramref name="count"/> patients of the centre (by id), as a central station's screen does.</summary>
    public async Task<int> WatchAsync(int count, CancellationToken cancel)
    {
        var patients = await _connection.InvokeAsync<List<string>>("GetPatients", cancel);
        patients.Sort(StringComparer.Ordinal);
        foreach (string patientId in patients.Take(count)) await _connection.InvokeAsync("WatchPatient", patientId, cancel);
        return Math.Min(count, patients.Count);
    }

    public static async Task<CentreConsole> ConnectAsync(Uri server, string token, CancellationToken cancel)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "/hubs/monitoring"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .AddMessagePackProtocol()
            .WithAutomaticReconnect()
            .Build();
        await connection.StartAsync(cancel);
        return new CentreConsole(connection);
    }

    private void OnAlarm(Alarm alarm)
    {
        // Only raises (version 1, or a latched alarm's recurrence): later versions (escalations, acknowledgements,
        // the end) and the re-sends on reconnection do not measure detection-to-console time. An escalation of a still
        // active alarm is pushed active again 30 s later, which counted before as a 30-s latency.
        if (!alarm.IsRaise || alarm.State != AlarmState.Active || alarm.EvidenceArrivedUnixMs == 0) return;
        double latency = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - alarm.EvidenceArrivedUnixMs;
        lock (_latenciesMs) _latenciesMs.Add(latency);
    }

    private void OnWaveform(WaveformFrame frame)
    {
        int samplesPerLead = frame.Samples.Length / Math.Max(1, frame.Leads.Length);
        double lastSampleUnixMs = frame.FirstSampleUnixMs + (samplesPerLead - 1) * 1000.0 / frame.SamplingRateHz;
        double lag = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - lastSampleUnixMs;
        lock (_waveformLagsMs) _waveformLagsMs.Add(lag);
    }

    /// <summary>Count and percentiles (p50, p95, p99, max) of the alarm latencies seen so far.</summary>
    public AlarmLatency Latency() => AlarmLatency.Of(_latenciesMs);

    /// <summary>Frames received from watched patients and the percentiles of their lag.</summary>
    public AlarmLatency WaveformLag() => AlarmLatency.Of(_waveformLagsMs);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}

/// <summary>Alarms (or waveform frames) received by the console and their latency percentiles, ms.</summary>
public sealed record AlarmLatency(int Alarms, double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    public static AlarmLatency Of(List<double> latenciesMs)
    {
        double[] sorted;
        lock (latenciesMs) sorted = [.. latenciesMs];
        Array.Sort(sorted);
        double At(double quantile) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
        return new AlarmLatency(sorted.Length, At(0.50), At(0.95), At(0.99), sorted.Length == 0 ? 0 : sorted[^1]);
    }
}
