using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Monitoring.Contracts.Devices;
using Monitoring.Server.Hosting;
using Monitoring.Storage.Tests;

namespace Monitoring.Server.Tests;

/// <summary>
/// The real server (silo, hubs, APIs) on a free port of 127.0.0.1, against a real Azurite, for one test class.
/// <see cref="RestartAsync"/> stops the process's host and starts a new one on the same storage, as a server restart.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();
    private readonly string _tablePrefix = "t" + Guid.NewGuid().ToString("N")[..12];
    private WebApplication? _app;
    private int _port;

    public string OperatorKey { get; } = "operator-" + Guid.NewGuid().ToString("N");

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Operator { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        await _azurite.DisposeAsync();
    }

    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    private async Task StartAsync()
    {
        int siloPort = Loopback.FreePort(), gatewayPort = Loopback.FreePort();
        _app = ServerHost.Build([], builder =>
        {
            // A restart keeps the address, so that devices and consoles can reconnect by themselves.
            builder.WebHost.UseUrls($"http://127.0.0.1:{_port}");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Monitoring:OperatorKey"] = OperatorKey,
                ["Monitoring:StorageConnectionString"] = _azurite.ConnectionString,
                ["Monitoring:TablePrefix"] = _tablePrefix,
                ["Monitoring:Cluster:ClusterId"] = "test-" + _tablePrefix,
                ["Monitoring:Cluster:SiloPort"] = siloPort.ToString(),
                ["Monitoring:Cluster:GatewayPort"] = gatewayPort.ToString(),
                ["Logging:LogLevel:Default"] = "Warning",
            });
        });
        await _app.StartAsync();
        string address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address);
        _port = BaseAddress.Port;
        Operator = new HttpClient { BaseAddress = BaseAddress };
        Operator.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorKey);
    }

    private async Task StopAsync()
    {
        if (_app is null) return;
        Operator.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    /// <summary>Registers a centre and a device, admits a patient to the centre and attaches the device; returns the tokens.</summary>
    public async Task<(string DeviceToken, string CentreToken)> ProvisionAsync(string patientId, string deviceId, string centreId)
    {
        string centreToken = await RegisterCentreAsync(centreId);
        string deviceToken = await RegisterDeviceAsync(deviceId);
        (await Operator.PostAsJsonAsync($"/api/patients/{patientId}/admit", new { displayName = "Patient " + patientId, facilityId = "county-1", centreId })).EnsureSuccessStatusCode();
        (await Operator.PostAsJsonAsync($"/api/patients/{patientId}/device", new { deviceId })).EnsureSuccessStatusCode();
        return (deviceToken, centreToken);
    }

    /// <summary>Registers (or re-registers) a device; returns its new token.</summary>
    public async Task<string> RegisterDeviceAsync(string deviceId) =>
        (await PostAsync<DeviceCredential>("/api/devices", new { deviceId, kind = "WearablePatch" })).Token;

    /// <summary>Registers (or re-registers) a centre; returns its new console token (the old one stops working).</summary>
    public async Task<string> RegisterCentreAsync(string centreId) =>
        (await PostAsync<CentreCredential>("/api/centres", new { centreId, name = "Centre " + centreId })).Token;

    /// <summary>Waits until the device's batches up to <paramref name="sequence"/> are in full-disclosure storage (idle streams are written after 2 s).</summary>
    public async Task WaitPersistedAsync(string deviceId, long sequence)
    {
        for (int i = 0; i < 100; i++)
        {
            var status = await Operator.GetFromJsonAsync<DeviceStatus>($"/api/devices/{deviceId}", TestJson.Options);
            if (status!.PersistedThroughSequence >= sequence) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Batches of {deviceId} up to {sequence} were not persisted within 10 s.");
    }

    private async Task<T> PostAsync<T>(string path, object body)
    {
        var response = await Operator.PostAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    private sealed record CentreCredential(string CentreId, string Token);

    private sealed record DeviceCredential(string DeviceId, string Token);
}
