using Monitoring.DeviceClient;

namespace Monitoring.Simulator;

/// <summary>What one simulator run does (the command-line options, checked).</summary>
public sealed record SimulationSettings
{
    /// <summary>The cloud's hosts (one, or those of a cluster); provisioning and the console use the first.</summary>
    public required IReadOnlyList<Uri> Servers { get; init; }

    public Uri Server => Servers[0];
    public required int Devices { get; init; }
    public required IReadOnlyList<string> Records { get; init; }
    public required int BatchMilliseconds { get; init; }
    public required double Speed { get; init; }

    /// <summary>Null: until Ctrl+C.</summary>
    public TimeSpan? Duration { get; init; }

    public required int Leads { get; init; }
    public required int MaxInFlight { get; init; }

    /// <summary>Device ids are this prefix and a 4-digit number.</summary>
    public string DevicePrefix { get; init; } = "sim-";

    /// <summary>Sequence of each device's first batch (continue a stream the cloud remembers from an earlier run).</summary>
    public long FirstSequence { get; init; } = 1;
    public string? CredentialsFile { get; init; }
    public bool Provision { get; init; }
    public string? OperatorKey { get; init; }
    public required NetworkImpairment Impairment { get; init; }
    public string? ReportFile { get; init; }

    /// <summary>Wall time between two batches of one device.</summary>
    public TimeSpan BatchPeriod => TimeSpan.FromMilliseconds(BatchMilliseconds / Speed);

    public string DeviceId(int index) => $"{DevicePrefix}{index + 1:D4}";

    /// <summary>Device <paramref name="index"/> starts on host index mod n and fails over to the following ones, so that the devices are spread.</summary>
    public (Uri First, Uri[] Alternates) ServersFor(int index)
    {
        int first = index % Servers.Count;
        var alternates = new Uri[Servers.Count - 1];
        for (int i = 1; i < Servers.Count; i++) alternates[i - 1] = Servers[(first + i) % Servers.Count];
        return (Servers[first], alternates);
    }
}
