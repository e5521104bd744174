using System.Net;
using System.Net.Sockets;

namespace Monitoring.Cluster.Tests;

/// <summary>
/// A TCP forwarder on a free port of 127.0.0.1 to a service on another port, that a test can cut
/// (<see cref="Cut"/>: every connection is reset and new ones are refused) and mend. A network outage between the
/// servers and a service, without stopping the service itself (whose own durability is not under test).
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _open = [];
    private readonly Task _accepting;
    private volatile bool _cut;

    public TcpProxy(int targetPort)
    {
        _target = targetPort;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    /// <summary>Resets every open connection and refuses new ones until <see cref="Mend"/>.</summary>
    public void Cut()
    {
        _cut = true;
        lock (_open)
        {
            foreach (TcpClient client in _open)
            {
                client.Client.LingerState = new LingerOption(true, 0); // RST, as a dropped link shows
                client.Dispose();
            }
            _open.Clear();
        }
    }

    public void Mend() => _cut = false;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Cut();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient inbound = await _listener.AcceptTcpClientAsync(_stop.Token);
            if (_cut)
            {
                inbound.Client.LingerState = new LingerOption(true, 0);
                inbound.Dispose();
                continue;
            }
            _ = Task.Run(() => ForwardAsync(inbound));
        }
    }

    private async Task ForwardAsync(TcpClient inbound)
    {
        var outbound = new TcpClient();
        lock (_open)
        {
            _open.Add(inbound);
            _open.Add(outbound);
        }
        try
        {
            await outbound.ConnectAsync(IPAddress.Loopback, _target, _stop.Token);
            NetworkStream a = inbound.GetStream(), b = outbound.GetStream();
            await Task.WhenAny(a.CopyToAsync(b, _stop.Token), b.CopyToAsync(a, _stop.Token));
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
        }
        finally
        {
            lock (_open)
            {
                _open.Remove(inbound);
                _open.Remove(outbound);
            }
            inbound.Dispose();
            outbound.Dispose();
        }
    }
}
