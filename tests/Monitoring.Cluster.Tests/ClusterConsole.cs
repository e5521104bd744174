using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Live;

namespace Monitoring.Cluster.Tests;

/// <summary>
/// A monitoring-centre console connected to one host of the cluster (and reconnecting to it after a restart),
/// recording the alarms and vitals it is pushed.
/// The one place where the tests sign a console in: today a centre registered through the operator API, whose
/// JWT (a physician of the centre) is the bearer token of /hubs/monitoring.
/// </summary>
public sealed class ClusterConsole : IAsyncDisposable
{
    private readonly HubConnection _connection;

    private ClusterConsole(HubConnection connection)
    {
        _connection = connection;
        connection.On<Alarm>(MonitoringHubMethods.Alarm, Alarms.Enqueue);
        connection.On<VitalsUpdate>(MonitoringHubMethods.Vitals, Vitals.Enqueue);
    }

    public ConcurrentQueue<Alarm> Alarms { get; } = new();

    public ConcurrentQueue<VitalsUpdate> Vitals { get; } = new();

    /// <summary>
    /// Defines centre <paramref name="centreId"/> at a provincial facility of its own (<see cref="FacilityOf"/>), and a
    /// physician of it, through host 0; returns the physician's JWT (the hosts share the development signing key).
    /// </summary>
    public static async Task<string> RegisterCentreAsync(LocalCluster cluster, string centreId)
    {
        using HttpClient http = cluster.Operator();
        string facilityId = FacilityOf(centreId), userId = "physician-" + centreId, password = "pw-" + Guid.NewGuid().ToString("N");
        (await http.PostAsJsonAsync("/api/network/facilities", new { facilityId, name = "Facility " + facilityId, tier = "Province" })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync("/api/network/centres", new { centreId, name = "Centre " + centreId, facilityId })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync("/api/users", new { userId, displayName = "Dr " + centreId, role = "Physician", centreId, password })).EnsureSuccessStatusCode();
        var response = await http.PostAsJsonAsync("/api/auth/token", new { userId, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SignIn>())!.AccessToken;
    }

    /// <summary>The facility at which a centre registered by <see cref="RegisterCentreAsync"/> admits its patients.</summary>
    public static string FacilityOf(string centreId) => "fac-" + centreId;

    /// <summary>Connects a console of the centre whose token is <paramref name="token"/> to <paramref name="host"/>.</summary>
    public static async Task<ClusterConsole> ConnectAsync(Uri host, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host, "/hubs/monitoring"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .AddMessagePackProtocol()
            .WithAutomaticReconnect(new[] { TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10) })
            .Build();
        await connection.StartAsync();
        return new ClusterConsole(connection);
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private sealed record SignIn(string AccessToken);
}
