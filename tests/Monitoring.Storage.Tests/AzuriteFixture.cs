using System.Diagnostics;
using System.Text;
using Monitoring.Storage;

namespace Monitoring.Storage.Tests;

/// <summary>
/// A real Azurite Table service (the version pinned in infra/azurite) on a free port of 127.0.0.1, in memory,
/// started once for the test collection and killed at its end. Tests isolate themselves with their own table
/// (<see cref="NewTableName"/>).
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly StringBuilder _output = new();
    private readonly TempDirectory _workingDirectory = new();
    private Process? _process;

    public int Port { get; private set; }

    public string ConnectionString => AzuriteConnection.ForTables(Port);

    /// <summary>A table name no other test uses.</summary>
    public static string NewTableName() => "t" + Guid.NewGuid().ToString("N");

    public async Task InitializeAsync()
    {
        string azurite = FindAzurite();
        Port = Loopback.FreePort();
        var start = new ProcessStartInfo(azurite)
        {
            WorkingDirectory = _workingDirectory.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
                 {
                     "--tableHost", "127.0.0.1", "--tablePort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--inMemoryPersistence", "--silent", "--disableTelemetry",
                 })
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {azurite}.");
        _process.OutputDataReceived += (_, e) => Capture(e.Data);
        _process.ErrorDataReceived += (_, e) => Capture(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilListeningAsync();
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        _process?.Dispose();
        _workingDirectory.Dispose();
        return Task.CompletedTask;
    }

    private async Task WaitUntilListeningAsync()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode}:\n{Output()}");
            }
            if (await Loopback.IsListeningAsync(Port)) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Azurite did not listen on 127.0.0.1:{Port} within {StartTimeout.TotalSeconds} s:\n{Output()}");
    }

    private void Capture(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static string FindAzurite()
    {
        string azurite = Path.Combine(Repository.Root, "infra", "azurite", "node_modules", ".bin", "azurite-table");
        return File.Exists(azurite)
            ? azurite
            : throw new InvalidOperationException(
                $"Azurite is not installed ({azurite} is missing): run infra/ensure-prerequisites.sh (it runs npm ci in infra/azurite).");
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
