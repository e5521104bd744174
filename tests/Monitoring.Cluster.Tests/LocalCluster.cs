using System.Net.Http.Headers;
using System.Net.Http.Json;
using Monitoring.Storage;
using Monitoring.Storage.Waveforms;

namespace Monitoring.Cluster.Tests;

/// <summary>
/// A cluster on loopback, as infra/start-cluster.sh starts one: a real redis-server (Orleans membership), a real
/// Azurite and <see cref="Hosts"/> server processes (Monitoring.Server.dll, Redis clustering), each on free ports of
/// 127.0.0.1. The servers reach Redis and Azurite through <see cref="TcpProxy"/> links that tests can cut. Every
/// process started here is killed on dispose, also when a test fails.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private readonly TempDirectory _azuriteData = new();
    private readonly TempDirectory _redisData = new();
    private readonly string _tablePrefix = "c" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _signingKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private readonly ChildProcess?[] _servers;
    private readonly (int Http, int Silo, int Gateway)[] _ports;
    private ChildProcess? _redis, _azurite;
    private TcpProxy? _storageLink, _redisLink;

    /// <summary>Output of server processes that were restarted since (for CLUSTER_TEST_LOGS).</summary>
    private readonly List<(string Name, string Output)> _earlierRuns = [];

    private LocalCluster(int hosts)
    {
        _servers = new ChildProcess?[hosts];
        _ports = new (int, int, int)[hosts];
        for (int i = 0; i < hosts; i++) _ports[i] = (Loopback.FreePort(), Loopback.FreePort(), Loopback.FreePort());
        RedisPort = Loopback.FreePort();
        AzuritePort = Loopback.FreePort();
    }

    public string OperatorKey { get; } = "operator-" + Guid.NewGuid().ToString("N");

    public int Hosts => _servers.Length;

    public int RedisPort { get; }

    public int AzuritePort { get; }

    /// <summary>Azurite reached directly (the tests' own reads).</summary>
    public string StorageConnectionString => AzuriteConnection.ForTables(AzuritePort);

    /// <summary>Base address of host <paramref name="index"/> (whether it runs or not).</summary>
    public Uri Host(int index) => new($"http://127.0.0.1:{_ports[index].Http}/");

    public IReadOnlyList<Uri> AllHosts => [.. Enumerable.Range(0, Hosts).Select(Host)];

    public bool IsRunning(int index) => _servers[index] is { HasExited: false };

    public static async Task<LocalCluster> StartAsync(int hosts)
    {
        var cluster = new LocalCluster(hosts);
        try
        {
            await cluster.StartRedisAsync();
            await cluster.StartAzuriteAsync();
            cluster._redisLink = new TcpProxy(cluster.RedisPort);
            cluster._storageLink = new TcpProxy(cluster.AzuritePort);
            await Task.WhenAll(Enumerable.Range(0, hosts).Select(cluster.StartServerAsync));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private async Task StartRedisAsync() =>
        _redis = await ChildProcess.StartAsync("redis", "redis-server",
            // Append-only file: the membership table survives a Redis restart, as with a replicated managed Redis.
            ["--port", RedisPort.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes", "--dir", _redisData.Path], RedisPort);

    private async Task StartAzuriteAsync() =>
        _azurite = await ChildProcess.StartAsync("azurite", Path.Combine(Repository.Root, "infra", "azurite", "node_modules", ".bin", "azurite-table"),
            ["--tableHost", "127.0.0.1", "--tablePort", AzuritePort.ToString(), "--location", _azuriteData.Path, "--silent", "--disableTelemetry"],
            AzuritePort);

    /// <summary>Cuts the servers off Azurite (connections reset, new ones refused) until <see cref="RestoreStorage"/>.</summary>
    public void CutStorage() => _storageLink!.Cut();

    public void RestoreStorage() => _storageLink!.Mend();

    /// <summary>Cuts the servers off Redis (the membership table) until <see cref="RestoreRedis"/>.</summary>
    public void CutRedis() => _redisLink!.Cut();

    public void RestoreRedis() => _redisLink!.Mend();

    /// <summary>Starts server <paramref name="index"/> (again) on its ports and waits until its health endpoint answers.</summary>
    public async Task StartServerAsync(int index)
    {
        var (http, silo, gateway) = _ports[index];
        var environment = new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{http}",
            ["Monitoring__OperatorKey"] = OperatorKey,
            ["Monitoring__Auth__DevSigningKey"] = _signingKey,
            ["Monitoring__NetworkFile"] = "",
            // Through the links a test can cut.
            ["Monitoring__StorageConnectionString"] = AzuriteConnection.ForTables(_storageLink!.Port),
            ["Monitoring__TablePrefix"] = _tablePrefix,
            ["Monitoring__Cluster__Provider"] = "Redis",
            ["Monitoring__Cluster__RedisConnectionString"] = $"127.0.0.1:{_redisLink!.Port}",
            ["Monitoring__Cluster__AdvertisedIPAddress"] = "127.0.0.1",
            ["Monitoring__Cluster__ClusterId"] = _tablePrefix,
            ["Monitoring__Cluster__SiloPort"] = silo.ToString(),
            ["Monitoring__Cluster__GatewayPort"] = gateway.ToString(),
            ["Logging__LogLevel__Default"] = "Warning",
            // Device grain activations and storage failures, for the failure messages.
            ["Logging__LogLevel__Monitoring"] = Environment.GetEnvironmentVariable("CLUSTER_TEST_LOGS") is { Length: > 0 } ? "Debug" : "Information",
            ["Logging__LogLevel__Orleans"] = "Warning",
        };
        if (_servers[index] is { } earlier) _earlierRuns.Add(($"{earlier.Name}-run{_earlierRuns.Count + 1}", earlier.Output()));
        _servers[index] = await ChildProcess.StartAsync($"server-{index}", "dotnet", [ServerAssembly], http, environment);
        await WaitHealthyAsync(index);
    }

    /// <summary>The server whose silo has <paramref name="runtimeIdentity"/> (an Orleans silo address, "S127.0.0.1:port:epoch").</summary>
    public int HostOf(string runtimeIdentity)
    {
        for (int i = 0; i < Hosts; i++)
        {
            if (runtimeIdentity.Contains($":{_ports[i].Silo}:", StringComparison.Ordinal)) return i;
        }
        throw new InvalidOperationException($"No server of this cluster runs silo '{runtimeIdentity}'.");
    }

    /// <summary>SIGKILL of server <paramref name="index"/>: a crash, nothing closed or flushed.</summary>
    public void KillServer(int index) => _servers[index]!.Kill();

    /// <summary>SIGTERM of server <paramref name="index"/>: the silo leaves the cluster gracefully.</summary>
    public Task StopServerAsync(int index) => _servers[index]!.StopAsync(TimeSpan.FromSeconds(30));

    /// <summary>HTTP status of the health endpoint of host <paramref name="index"/>.</summary>
    public async Task<int> HealthAsync(int index)
    {
        using var http = new HttpClient { BaseAddress = Host(index), Timeout = TimeSpan.FromSeconds(10) };
        return (int)(await http.GetAsync("/health")).StatusCode;
    }

    /// <summary>The operator API on host <paramref name="index"/>.</summary>
    public HttpClient Operator(int index = 0)
    {
        var http = new HttpClient { BaseAddress = Host(index), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorKey);
        return http;
    }

    /// <summary>
    /// Registers a device, admits a patient to the centre's facility (or to <paramref name="facilityId"/>) and
    /// attaches the device; returns the device token.
    /// </summary>
    public async Task<string> ProvisionDeviceAsync(string deviceId, string patientId, string centreId, int host = 0, string? facilityId = null)
    {
        using HttpClient http = Operator(host);
        var registered = await http.PostAsJsonAsync("/api/devices", new { deviceId, kind = "WearablePatch" });
        registered.EnsureSuccessStatusCode();
        string token = (await registered.Content.ReadFromJsonAsync<DeviceCredential>())!.Token;
        (await http.PostAsJsonAsync($"/api/patients/{patientId}/admit", new { displayName = "Patient " + patientId, facilityId = facilityId ?? ClusterConsole.FacilityOf(centreId) })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"/api/patients/{patientId}/device", new { deviceId })).EnsureSuccessStatusCode();
        return token;
    }

    /// <summary>The servers' full-disclosure table (Monitoring:TablePrefix + "Waveforms").</summary>
    public string WaveformTable => _tablePrefix + "Waveforms";

    /// <summary>The full-disclosure store the servers write, read directly.</summary>
    public WaveformStore Waveforms() => new(new WaveformStoreOptions { ConnectionString = StorageConnectionString, TableName = WaveformTable });

    /// <summary>Output of every process, for failure messages.</summary>
    public string Logs() => string.Join("\n", _servers.Where(s => s is not null).Select(s => $"--- {s!.Name}\n{Tail(s.Output())}"));

    public async ValueTask DisposeAsync()
    {
        // CLUSTER_TEST_LOGS=folder keeps every server's whole output.
        if (Environment.GetEnvironmentVariable("CLUSTER_TEST_LOGS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            foreach (ChildProcess? server in _servers)
                if (server is not null) await File.WriteAllTextAsync(Path.Combine(folder, $"{_tablePrefix}-{server.Name}.log"), server.Output());
            foreach (var (name, output) in _earlierRuns) await File.WriteAllTextAsync(Path.Combine(folder, $"{_tablePrefix}-{name}.log"), output);
        }
        foreach (ChildProcess? server in _servers)
            if (server is not null) await server.DisposeAsync();
        if (_storageLink is not null) await _storageLink.DisposeAsync();
        if (_redisLink is not null) await _redisLink.DisposeAsync();
        if (_azurite is not null) await _azurite.DisposeAsync();
        if (_redis is not null) await _redis.DisposeAsync();
        _azuriteData.Dispose();
        _redisData.Dispose();
    }

    private async Task WaitHealthyAsync(int index)
    {
        using var http = new HttpClient { BaseAddress = Host(index), Timeout = TimeSpan.FromSeconds(5) };
        for (int attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            if (_servers[index]!.HasExited) break;
            await Task.Delay(200);
        }
        throw new InvalidOperationException($"Server {index} is not healthy:\n{Tail(_servers[index]!.Output())}");
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : text[^4000..];

    private static string ServerAssembly
    {
        get
        {
            // This test assembly runs from tests/Monitoring.Cluster.Tests/bin/<configuration>/net10.0/.
            string configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            string path = Path.Combine(Repository.Root, "src", "Monitoring.Server", "bin", configuration, "net10.0", "Monitoring.Server.dll");
            return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: build the solution first.");
        }
    }

    private sealed record DeviceCredential(string DeviceId, string Token);
}
