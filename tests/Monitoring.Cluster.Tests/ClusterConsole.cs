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
/// credential ("centreId:secret") is the bearer token of /hubs/monitoring.
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

    /// <summary>Registers centre <paramref name="centreId"/> (through host 0); returns the console's sign-in token.</summary>
    public static async Task<string> RegisterCentreAsync(LocalCluster cluster, string centreId)
    {
        using HttpClient http = cluster.Operator();
        var response = await http.PostAsJsonAsync("/api/centres", new { centreId, name = "Centre " + centreId });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CentreCredential>())!.Token;
    }

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

    private sealed record CentreCredential(string CentreId, string Token);
}
