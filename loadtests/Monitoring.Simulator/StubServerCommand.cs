using System.CommandLine;
using System.Net;
using Microsoft.Extensions.Logging;
using Monitoring.DeviceHubStub;

namespace Monitoring.Simulator;

/// <summary>
/// <c>stub-server</c>: runs the device hub stub (deduplication, segment persistence, any <c>id:secret</c> token) until
/// Ctrl+C, printing the devices' totals every 5 s; for measuring the simulator and the client without the real server.
/// </summary>
public static class StubServerCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { DefaultValueFactory = _ => 5080, Description = "TCP port on 127.0.0.1" };
        var segment = new Option<int>("--segment-batches")
        {
            DefaultValueFactory = _ => 40,
            Description = "Batches per persisted segment (40 = 10 s of 250 ms batches, like the server)",
        };
        var command = new Command("stub-server", "Run a device hub stub (no grains, no storage) for load tests.") { port, segment };
        command.SetAction((parse, cancel) => RunAsync(parse.GetValue(port), parse.GetValue(segment), cancel));
        return command;
    }

    private static async Task<int> RunAsync(int port, int segmentBatches, CancellationToken cancel)
    {
        var backend = new StubBackend { SegmentBatches = segmentBatches };
        await using StubServer server = await StubServer.StartAsync(backend, IPAddress.Loopback, port, LogLevel.Warning);
        Console.WriteLine($"device hub stub on {server.Url} (Ctrl+C to stop)");
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), cancel);
                IReadOnlyList<StubDevice> devices = backend.Devices();
                Console.WriteLine($"{DateTime.Now:HH:mm:ss} connections={backend.OpenConnections} devices={devices.Count} " +
                    $"accepted={devices.Sum(d => d.Accepted)} duplicates={devices.Sum(d => d.Duplicates)} " +
                    $"rejected={devices.Sum(d => d.Rejected)} gaps={devices.Sum(d => d.Gaps)}");
            }
        }
        catch (OperationCanceledException)
        {
            return 0;
        }
    }
}
