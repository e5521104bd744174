using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Devices;
using Monitoring.Contracts.Live;

namespace Monitoring.Server.Tests;

/// <summary>Real SignalR clients over loopback, MessagePack protocol: a device and a monitoring-centre console.</summary>
internal static class HubClients
{
    public static async Task<HubConnection> ConnectDeviceAsync(Uri server, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, DeviceHubMethods.Path), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .AddMessagePackProtocol()
            .Build();
        await connection.StartAsync();
        return connection;
    }

    public static Task<BatchAck> SendAsync(this HubConnection device, DeviceBatch batch) =>
        device.InvokeAsync<BatchAck>(DeviceHubMethods.SendBatch, DeviceWire.Encode(batch));
}

/// <summary>A monitoring-centre console that records every alarm, vitals update and waveform frame it receives.</summary>
internal sealed class CentreConsole : IAsyncDisposable
{
    private readonly HubConnection _connection;

    public ConcurrentQueue<(Alarm Alarm, long ReceivedUnixMs)> Alarms { get; } = new();
    public ConcurrentQueue<VitalsUpdate> Vitals { get; } = new();
    public ConcurrentQueue<WaveformFrame> Waveforms { get; } = new();

    private CentreConsole(HubConnection connection)
    {
        _connection = connection;
        connection.On<Alarm>(MonitoringHubMethods.Alarm, alarm => Alarms.Enqueue((alarm, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())));
        connection.On<VitalsUpdate>(MonitoringHubMethods.Vitals, Vitals.Enqueue);
        connection.On<WaveformFrame>(MonitoringHubMethods.Waveform, Waveforms.Enqueue);
    }

    public HubConnection Connection => _connection;

    public static async Task<CentreConsole> ConnectAsync(Uri server, string token, bool messagePack = true)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "/hubs/monitoring"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token));
        if (messagePack) builder.AddMessagePackProtocol();
        else builder.AddJsonProtocol(json => json.PayloadSerializerOptions = TestJson.Options);
        var console = new CentreConsole(builder.Build());
        await console._connection.StartAsync();
        return console;
    }

    /// <summary>Waits until an alarm matching <paramref name="match"/> has arrived; fails with what did arrive.</summary>
    public async Task<(Alarm Alarm, long ReceivedUnixMs)> WaitForAlarmAsync(Func<Alarm, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var received in Alarms)
            {
                if (match(received.Alarm)) return received;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"No matching alarm within {timeout.TotalSeconds} s; received: {string.Join(", ", Alarms.Select(a => $"{a.Alarm.Condition}/{a.Alarm.State}"))}");
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
