using System.Diagnostics;
using System.Text;

namespace Monitoring.Cluster.Tests;

/// <summary>
/// A process the tests start (redis-server, Azurite, a server), listening on a port of 127.0.0.1. Its output is kept
/// for failure messages. <see cref="Kill"/> is SIGKILL (a crash); <see cref="StopAsync"/> is SIGTERM (a graceful stop).
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly StringBuilder _output = new();
    private readonly Process _process;

    private ChildProcess(string name, Process process, int port)
    {
        Name = name;
        _process = process;
        Port = port;
    }

    public string Name { get; }

    public int Port { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the program and waits until it accepts connections on <paramref name="port"/>.</summary>
    public static async Task<ChildProcess> StartAsync(string name, string program, IEnumerable<string> arguments, int port,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var child = new ChildProcess(name, process, port);
        process.OutputDataReceived += (_, e) => child.Capture(e.Data);
        process.ErrorDataReceived += (_, e) => child.Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await child.WaitUntilListeningAsync();
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }
        return child;
    }

    /// <summary>SIGKILL: the process dies at once, without closing anything.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill();
        _process.WaitForExit(TimeSpan.FromSeconds(10));
    }

    /// <summary>SIGTERM, and SIGKILL if it has not exited within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited) return;
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await term.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    public string Output()
    {
        lock (_output) return _output.ToString();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilListeningAsync()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode}:\n{Output()}");
            if (await Loopback.IsListeningAsync(Port)) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"{Name} did not listen on 127.0.0.1:{Port} within {StartTimeout.TotalSeconds} s:\n{Output()}");
    }

    private void Capture(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            // Keep the tail: a server under test may log a lot.
            if (_output.Length > 200_000) _output.Remove(0, 100_000);
            _output.AppendLine(line);
        }
    }
}
