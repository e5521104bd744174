using System.Net;
using System.Net.Sockets;

namespace Monitoring.Testing;

/// <summary>Ports of 127.0.0.1 for the processes and servers tests start.</summary>
public static class Loopback
{
    /// <summary>A port nothing listens on now (the system's choice).</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
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
}
