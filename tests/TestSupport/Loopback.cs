using System.Net;
using System.Net.Sockets;

namespace Monitoring.Testing;

/// <summary>Ports of 127.0.0.1 for the processes and servers tests start.</summary>
public static class Loopback
{
    private static readonly object Gate = new();
    private static readonly HashSet<int> HandedOut = [];
    private static int _next = -1;

    /// <summary>
    /// A port nothing listens on now, below the system's ephemeral range. A port the system picks
    /// itself (port 0) comes from the ephemeral range, so while a test's server is stopped (a host
    /// kill, a restart) any outgoing connection may take it and the restarted server fails to bind
    /// ("address already in use"; seen in CI). Ports below that range are never handed out to
    /// outgoing connections.
    /// </summary>
    public static int FreePort()
    {
        (int low, int high) = StableRange();
        lock (Gate)
        {
            if (_next < 0) _next = low + Random.Shared.Next(high - low);
            for (int tried = 0; tried < high - low; tried++)
            {
                int port = _next;
                _next = _next + 1 >= high ? low : _next + 1;
                if (HandedOut.Contains(port) || !CanBind(port)) continue;
                HandedOut.Add(port);
                return port;
            }
        }
        throw new InvalidOperationException($"No free port of 127.0.0.1 in {low}-{high - 1}.");
    }

    /// <summary>True when something accepts connections on <paramref name="port"/>.</summary>
    public static async Task<bool> IsListeningAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static bool CanBind(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>From 10000 up to the start of the ephemeral range (Linux default 32768).</summary>
    private static (int Low, int High) StableRange()
    {
        const int low = 10000;
        int ephemeralStart = 32768;
        try
        {
            string text = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range");
            string[] parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 1 && int.TryParse(parts[0], out int start)) ephemeralStart = start;
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return ephemeralStart > low + 1000 ? (low, ephemeralStart) : (1024, 10000);
    }
}
