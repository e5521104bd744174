using Monitoring.Contracts.Alarms;

namespace Monitoring.Grains.Alarms;

/// <summary>The durable log of every alarm state change (the host supplies it: Azure Tables).</summary>
public interface IAlarmJournal
{
    Task AppendAsync(Alarm alarm, CancellationToken cancellationToken = default);

    /// <summary>A patient's alarm records with onset in [from, to), oldest first.</summary>
    Task<IReadOnlyList<Alarm>> ReadAsync(string patientId, long fromUnixMs, long toUnixMs, CancellationToken cancellationToken = default);
}
