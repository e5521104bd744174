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
public class ServerFixture : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();
    private readonly string _tablePrefix = "t" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The storage account (Azurite) of everything but what a derived fixture moves elsewhere.</summary>
    public string StorageConnectionString => _azurite.ConnectionString;

    public string TablePrefix => _tablePrefix;
    private WebApplication? _app;
    private int _port;

    private readonly string _signingKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public string OperatorKey { get; } = "operator-" + Guid.NewGuid().ToString("N");


    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Operator { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    /// <summary>What a derived fixture changes: settings, and services registered before the server's own.</summary>
    protected virtual void Configure(IDictionary<string, string?> settings, WebApplicationBuilder builder)
    {
    }

    public virtual async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        await StartAsync();
    }

    public virtual async Task DisposeAsync()
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
            var settings = new Dictionary<string, string?>
            {
                ["Monitoring:OperatorKey"] = OperatorKey,
                ["Monitoring:StorageConnectionString"] = _azurite.ConnectionString,
                ["Monitoring:TablePrefix"] = _tablePrefix,
                ["Monitoring:Cluster:ClusterId"] = "test-" + _tablePrefix,
                ["Monitoring:Cluster:SiloPort"] = siloPort.ToString(),
                ["Monitoring:Cluster:GatewayPort"] = gatewayPort.ToString(),
                ["Logging:LogLevel:Default"] = "Warning",
                // Tests define their own networks; the sample network has its own test.
                ["Monitoring:NetworkFile"] = "",
                // The same key after a restart, so that signed-in consoles reconnect with their tokens.
                ["Monitoring:Auth:DevSigningKey"] = _signingKey,
            };
            Configure(settings, builder);
            builder.Configuration.AddInMemoryCollection(settings);
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

    /// <summary>
    /// Registers a centre (at a facility of its own), a device, admits a patient there and attaches the device; returns
    /// the device's token and the token of a physician of the centre.
    /// </summary>
    public async Task<(string DeviceToken, string CentreToken)> ProvisionAsync(string patientId, string deviceId, string centreId)
    {
        string centreToken = await RegisterCentreAsync(centreId);
        string deviceToken = await RegisterDeviceAsync(deviceId);
        await AdmitAsync(patientId, FacilityOf(centreId), deviceId);
        return (deviceToken, centreToken);
    }

    /// <summary>Registers (or re-registers) a device; returns its new token.</summary>
    public async Task<string> RegisterDeviceAsync(string deviceId, string kind = "WearablePatch") =>
        (await PostAsync<DeviceCredential>("/api/devices", new { deviceId, kind })).Token;

    /// <summary>Admits a patient at a facility and attaches a registered device.</summary>
    public async Task AdmitAsync(string patientId, string facilityId, string deviceId)
    {
        (await Operator.PostAsJsonAsync($"/api/patients/{patientId}/admit", new { displayName = "Patient " + patientId, facilityId })).EnsureSuccessStatusCode();
        (await Operator.PostAsJsonAsync($"/api/patients/{patientId}/device", new { deviceId })).EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Defines a centre at a provincial facility of its own (or finds it defined) and signs in a new physician of it;
    /// returns the physician's token for the monitoring hub.
    /// </summary>
    public async Task<string> RegisterCentreAsync(string centreId)
    {
        await DefineFacilityAsync(FacilityOf(centreId), "Province", null);
        await DefineCentreAsync(centreId, FacilityOf(centreId));
        return await SignInNewUserAsync($"{centreId}-physician-{Guid.NewGuid():N}"[..40], "Physician", centreId);
    }

    public static string FacilityOf(string centreId) => "fac-" + centreId;

    public async Task DefineFacilityAsync(string facilityId, string tier, string? parentId) =>
        (await Operator.PostAsJsonAsync("/api/network/facilities", new { facilityId, name = "Facility " + facilityId, tier, parentId })).EnsureSuccessStatusCode();

    public async Task DefineCentreAsync(string centreId, string facilityId) =>
        (await Operator.PostAsJsonAsync("/api/network/centres", new { centreId, name = "Centre " + centreId, facilityId })).EnsureSuccessStatusCode();

    /// <summary>Defines a user with a fresh password and signs in at the development issuer; returns the JWT.</summary>
    public async Task<string> SignInNewUserAsync(string userId, string role, string? centreId)
    {
        string password = "pw-" + Guid.NewGuid().ToString("N");
        (await Operator.PostAsJsonAsync("/api/users", new { userId, displayName = "User " + userId, role, centreId, password })).EnsureSuccessStatusCode();
        using var anonymous = new HttpClient { BaseAddress = BaseAddress };
        var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { userId, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SignIn>())!.AccessToken;
    }

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

    private sealed record SignIn(string AccessToken);

    private sealed record DeviceCredential(string DeviceId, string Token);
}
