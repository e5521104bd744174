namespace Monitoring.Grains.Centres;

/// <summary>
/// The alarms escalated to each centre and still open there (the host supplies it: Azure Tables). One record per
/// alarm, so that a change costs one small write however many a centre holds: kept in the centre's grain state, the
/// whole list was rewritten on every change, and a province centre that nobody answers collects thousands (85 KB per
/// write after 4 minutes of a 400-device load test, and Azure refuses an entity over 1 MB).
/// </summary>
public interface IEscalatedAlarmIndex
{
    /// <summary>Records that <paramref name="alarmId"/> of <paramref name="patientId"/> was escalated to the centre; idempotent.</summary>
    Task AddAsync(string centreId, string alarmId, string patientId);

    /// <summary>Forgets the alarm at the centre; idempotent.</summary>
    Task RemoveAsync(string centreId, string alarmId);

    /// <summary>The centre's escalated alarms: alarm id to patient id.</summary>
    Task<Dictionary<string, string>> ListAsync(string centreId);
}
