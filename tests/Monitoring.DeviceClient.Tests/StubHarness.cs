using System.Net;
using Monitoring.DeviceHubStub;

namespace Monitoring.DeviceClient.Tests;

/// <summary>
/// One device hub stub on 127.0.0.1 (its port chosen by the system, then kept across restarts) and the clients a
/// test creates against it, with short backoffs so that reconnects take milliseconds. Disposes everything.
/// </summary>
internal sealed class StubHarness : IAsyncDisposable
{
    private readonly List<DeviceClient> _clients = [];

    private StubHarness(StubBackend backend, StubServer? server, int port)
    {
        Backend = backend;
        Server = server;
        Port = port;
    }

    public StubBackend Backend { get; }

    public StubServer? Server { get; private set; }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}");

    public static async Task<StubHarness> StartAsync(StubBackend? backend = null)
    {
        backend ??= new StubBackend();
        StubServer server = await StubServer.StartAsync(backend, IPAddress.Loopback, 0);
        return new StubHarness(backend, server, server.Port);
    }

    /// <summary>A harness whose server is not running yet (a device switched on without coverage).</summary>
    public static StubHarness NotStarted(StubBackend? backend = null)
    {
        var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new StubHarness(backend ?? new StubBackend(), null, port);
    }

    public async Task StopServerAsync()
    {
        if (Server is { } server) await server.DisposeAsync();
        Server = null;
    }

    /// <summary>Starts the server again on the same port with the same backend (the devices' state survives).</summary>
    public async Task StartServerAsync()
    {
        if (Server is not null) throw new InvalidOperationException("The server is running.");
        Server = await StubServer.StartAsync(Backend, IPAddress.Loopback, Port);
    }

    public DeviceClient Client(string deviceId, Func<DeviceClientOptions, DeviceClientOptions>? adjust = null, string? token = null)
    {
        var options = new DeviceClientOptions
        {
            ServerUrl = Url,
            DeviceId = deviceId,
            Token = token ?? deviceId + ":secret",
            ReconnectBackoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(300)),
            RetryDelay = TimeSpan.FromMilliseconds(50),
            PersistProbeInterval = TimeSpan.FromMilliseconds(200),
        };
        var client = new DeviceClient(adjust is null ? options : adjust(options));
        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (DeviceClient client in _clients) await client.DisposeAsync();
        await StopServerAsync();
    }
}
