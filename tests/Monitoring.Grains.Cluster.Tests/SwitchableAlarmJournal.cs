using System.Collections.Concurrent;
using Monitoring.Contracts.Alarms;
using Monitoring.Grains.Alarms;

namespace Monitoring.Grains.Cluster.Tests;

/// <summary>An in-memory alarm journal that a test can make fail, as the alarm log does while storage is out.</summary>
public sealed class SwitchableAlarmJournal : IAlarmJournal
{
    private readonly ConcurrentQueue<Alarm> _entries = new();

    public bool Failing { get; set; }

    public IReadOnlyList<Alarm> Entries(string patientId) => [.. _entries.Where(a => a.PatientId == patientId)];

    public Task AppendAsync(IReadOnlyList<Alarm> alarms, CancellationToken cancellationToken = default)
    {
        if (Failing) throw new IOException("Alarm log unreachable (the test cut it off).");
        foreach (Alarm alarm in alarms) _entries.Enqueue(alarm);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Alarm>> ReadAsync(string patientId, long fromUnixMs, long toUnixMs, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Alarm>>([.. _entries.Where(a => a.PatientId == patientId && a.ChangedUnixMs >= fromUnixMs && a.ChangedUnixMs < toUnixMs)]);
}
