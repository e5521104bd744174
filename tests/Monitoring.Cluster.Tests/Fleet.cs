using System.Net.Http.Json;
using System.Text.Json;
using Monitoring.Contracts.Alarms;
using Monitoring.DeviceClient;
using Monitoring.Storage.Waveforms;

namespace Monitoring.Cluster.Tests;

/// <summary>
/// Simulated devices streaming real ECG into the cluster, spread over its hosts (device i starts on host i mod n and
/// knows the others), and the checks that follow a fault: storage holds every sample exactly once and in order,
/// and no alarm reached the centre twice.
/// </summary>
public sealed class Fleet : IAsyncDisposable
{
    /// <summary>Records and start offsets (s); mitdb/205 from 285 s has ventricular tachycardia at 4:58.8, 250-Hz vfdb records mix rates.</summary>
    private static readonly (string Database, string Record, int StartSeconds)[] Records =
    [
        ("mitdb", "205", 285), ("mitdb", "101", 0), ("mitdb", "119", 0), ("mitdb", "208", 0), ("vfdb", "418", 0),
        ("mitdb", "203", 0), ("mitdb", "106", 0), ("vfdb", "424", 0), ("mitdb", "215", 0),
    ];

    private readonly LocalCluster _cluster;
    private readonly List<StreamingDevice> _devices = [];

    private Fleet(LocalCluster cluster) => _cluster = cluster;

    public IReadOnlyList<StreamingDevice> Devices => _devices;

    public static async Task<Fleet> StartAsync(LocalCluster cluster, string name, int devices, string centreId, NetworkImpairment? impairment = null)
    {
        var fleet = new Fleet(cluster);
        try
        {
            for (int i = 0; i < devices; i++)
            {
                var (database, record, startSeconds) = Records[i % Records.Length];
                string deviceId = $"dev-{name}-{i:D2}", patientId = $"pat-{name}-{i:D2}";
                int first = i % cluster.Hosts;
                // Provisioned through the host it streams to, so that its grains tend to start there (placement
                // prefers the silo of the first call) and the fleet's grains spread over the hosts.
                string token = await cluster.ProvisionDeviceAsync(deviceId, patientId, centreId, host: first);
                var recording = StreamingDevice.Record(database, record);
                var alternates = Enumerable.Range(1, cluster.Hosts - 1).Select(k => cluster.Host((first + k) % cluster.Hosts)).ToList();
                fleet._devices.Add(new StreamingDevice(deviceId, patientId, token, recording, startSeconds * recording.SamplingRateHz, cluster.Host(first), alternates, impairment));
            }
            foreach (StreamingDevice device in fleet._devices) await device.StartAsync();
            return fleet;
        }
        catch
        {
            await fleet.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops producing and waits until the cloud has persisted everything the devices hold.</summary>
    public async Task StopAndDrainAsync(TimeSpan timeout)
    {
        foreach (StreamingDevice device in _devices) await device.StopProducingAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await Task.WhenAll(_devices.Select(d => d.Client.DrainAsync(cancel.Token)));
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"Not drained within {timeout.TotalSeconds} s: " + Statistics() + "\n" + _cluster.Logs());
        }
    }

    /// <summary>
    /// For every device: the stored rows tile its stream without overlap (nothing stored twice, even where reads
    /// would hide it) and the samples read back are exactly those sent, in order, with no gap.
    /// </summary>
    public async Task AssertStoredExactlyOnceAsync()
    {
        WaveformStore store = _cluster.Waveforms();
        foreach (StreamingDevice device in _devices)
        {
            List<StoredRows.Row> rows = await StoredRows.ReadAsync(_cluster.StorageConnectionString, _cluster.WaveformTable, device.PatientId);
            Assert.True(rows.Count > 0, $"{device.PatientId}: nothing stored");
            long halfPeriod = TimeSpan.TicksPerSecond / device.SamplingRateHz / 2;
            for (int k = 1; k < rows.Count; k++)
            {
                long step = rows[k].StartTicks - rows[k - 1].EndTicks;
                Assert.True(Math.Abs(step) <= halfPeriod,
                    $"{device.PatientId}: row {k} starts {step / 10_000.0:F1} ms from the end of row {k - 1} ({(step < 0 ? "overlap: samples stored twice" : "gap: samples missing")})\n{Rows(rows)}\n{_cluster.Logs()}");
            }
            if (device.Sent.Count != rows.Sum(r => r.SampleCount))
            {
                // Samples stored while the device was attached to no patient would be here.
                List<StoredRows.Row> unassigned = await StoredRows.ReadAsync(_cluster.StorageConnectionString, _cluster.WaveformTable, "unassigned-" + device.DeviceId);
                Assert.Fail($"{device.PatientId}: {device.Sent.Count} samples sent, {rows.Sum(r => r.SampleCount)} stored\n{Rows(rows)}\nunassigned:\n{Rows(unassigned)}\n{_cluster.Logs()}");
            }

            WaveformRange range = await store.ReadAsync(device.PatientId,
                DateTimeOffset.FromUnixTimeMilliseconds(device.StartUnixMs), DateTimeOffset.FromUnixTimeMilliseconds(device.EndUnixMs + 1_000));
            Assert.Single(range.Spans);
            Assert.True(device.Sent.SequenceEqual(range.Spans[0].Samples[0]), $"{device.PatientId}: the samples read back differ from those sent");
        }
    }

    /// <summary>The grain host of each device, in the order of <see cref="Devices"/> (index of the cluster's host).</summary>
    public async Task<int[]> GrainHostsAsync() =>
        [.. (await StatusesAsync()).Select(status => _cluster.HostOf(status.GetProperty("host").GetString()!))];

    /// <summary>
    /// No device's stream shows a missing batch or a gap: a fault of the cloud (a host lost, a reconnection) is not
    /// signal loss, and must not be recorded as one.
    /// </summary>
    public async Task AssertNoGapsAsync()
    {
        JsonElement[] statuses = await StatusesAsync();
        for (int i = 0; i < _devices.Count; i++)
        {
            long missing = statuses[i].GetProperty("batchesMissing").GetInt64(), gaps = statuses[i].GetProperty("gaps").GetInt64();
            Assert.True(missing == 0 && gaps == 0, $"{_devices[i].DeviceId}: {missing} batches counted missing, {gaps} gaps\n{statuses[i]}\n{_cluster.Logs()}");
        }
    }

    /// <summary>Each device's status from the operator API, in the order of <see cref="Devices"/>.</summary>
    private async Task<JsonElement[]> StatusesAsync()
    {
        using HttpClient http = _cluster.Operator();
        var statuses = new JsonElement[_devices.Count];
        for (int i = 0; i < _devices.Count; i++)
            statuses[i] = await http.GetFromJsonAsync<JsonElement>($"/api/devices/{_devices[i].DeviceId}");
        return statuses;
    }

    /// <summary>No condition episode (patient, condition, onset) reached the console as two different alarms.</summary>
    public static void AssertNoDuplicateAlarms(ClusterConsole console)
    {
        var episodes = console.Alarms
            .Where(a => a.State == AlarmState.Active)
            .GroupBy(a => (a.PatientId, a.Condition, a.OnsetUnixMs))
            .Where(g => g.Select(a => a.AlarmId).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(a => a.AlarmId).Distinct())}")
            .ToList();
        Assert.True(episodes.Count == 0, "Alarms raised twice: " + string.Join("; ", episodes));
    }

    private static string Rows(List<StoredRows.Row> rows) =>
        string.Join("\n", rows.Select(r => $"  {new DateTime(r.StartTicks, DateTimeKind.Utc):HH:mm:ss.fff} {r.SampleCount} samples"));

    public string Statistics() => string.Join("\n", _devices.Select(d => $"{d.DeviceId}: {d.Client.GetStatistics()}"));

    public async ValueTask DisposeAsync()
    {
        foreach (StreamingDevice device in _devices) await device.DisposeAsync();
    }
}
