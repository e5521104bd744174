using System.Collections.Concurrent;
using Monitoring.Grains.Centres;

namespace Monitoring.Grains.Cluster.Tests;

/// <summary>The centres' escalated alarms in memory, as the memory grain storage keeps grain state here (the Azure
/// Tables index has its own tests on Azurite).</summary>
public sealed class MemoryEscalatedAlarmIndex : IEscalatedAlarmIndex
{
    private readonly ConcurrentDictionary<(string CentreId, string AlarmId), string> _rows = new();

    public Task AddAsync(string centreId, string alarmId, string patientId)
    {
        _rows[(centreId, alarmId)] = patientId;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string centreId, string alarmId)
    {
        _rows.TryRemove((centreId, alarmId), out _);
        return Task.CompletedTask;
    }

    public Task<Dictionary<string, string>> ListAsync(string centreId) =>
        Task.FromResult(_rows.Where(row => row.Key.CentreId == centreId).ToDictionary(row => row.Key.AlarmId, row => row.Value, StringComparer.Ordinal));
}
