using Monitoring.Contracts.Alarms;

namespace Monitoring.Grains.Alarms;

/// <summary>The durable log of every alarm state change (the host supplies it: Azure Tables).</summary>
public interface IAlarmJournal
{
    /// <summary>
    /// Logs alarm changes, all of them or none: changes made together (an event alarm raised and resolved in the same
    /// batch, a condition handing over to another) cost one storage request, not one each.
    /// </summary>
    Task AppendAsync(IReadOnlyList<Alarm> alarms, CancellationToken cancellationToken = default);

    /// <summary>A patient's alarm records with onset in [from, to), oldest first.</summary>
    Task<IReadOnlyList<Alarm>> ReadAsync(string patientId, long fromUnixMs, long toUnixMs, CancellationToken cancellationToken = default);
}
