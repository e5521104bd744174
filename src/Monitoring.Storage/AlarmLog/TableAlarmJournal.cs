using System.Text.Json;
using Monitoring.Contracts.Alarms;
using Monitoring.Grains.Alarms;
using LogPriority = Monitoring.Storage.AlarmLog.AlarmPriority;

namespace Monitoring.Storage.AlarmLog;

/// <summary>
/// The grains' alarm journal on <see cref="AlarmLogStore"/>: each alarm state change is one log entry (raised or
/// ended), dated by the change, whose detail is the whole alarm record as JSON so that reviews get it back intact.
/// </summary>
public sealed class TableAlarmJournal(AlarmLogStore store) : IAlarmJournal
{
    /// <summary>Log partition for alarms of patients not (yet) watched by a centre.</summary>
    public const string NoCentre = "no-centre";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// One entry per change; the store writes entries of the same patient and hour in one entity group transaction
    /// (atomic), so a batch's changes normally cost one request.
    /// </summary>
    public Task AppendAsync(IReadOnlyList<Alarm> alarms, CancellationToken cancellationToken = default)
    {
        var entries = new AlarmLogEntry[alarms.Count];
        for (int i = 0; i < alarms.Count; i++) entries[i] = EntryOf(alarms[i]);
        return store.AppendAsync(entries, cancellationToken);
    }

    private static AlarmLogEntry EntryOf(Alarm alarm)
    {
        bool raised = alarm.Version == 1;
        bool ended = alarm.State is AlarmState.Resolved or AlarmState.Latched;
        long time = raised ? alarm.OnsetUnixMs : ended && alarm.EndUnixMs is { } end ? end : alarm.ChangedUnixMs;
        string number = alarm.AlarmId[(alarm.AlarmId.LastIndexOf('/') + 1)..];
        return new AlarmLogEntry(
            alarm.PatientId,
            alarm.CentreId ?? NoCentre,
            DateTimeOffset.FromUnixTimeMilliseconds(time),
            $"alarm-{number}-v{alarm.Version}",
            KindOf(alarm, raised, ended),
            alarm.Condition,
            LogPriorityOf(alarm.Priority),
            JsonSerializer.Serialize(alarm, Json));
    }

    private static AlarmLogEventKind KindOf(Alarm alarm, bool raised, bool ended) => alarm.State switch
    {
        _ when raised => AlarmLogEventKind.AlarmRaised,
        _ when ended => AlarmLogEventKind.AlarmEnded,
        AlarmState.Acknowledged => AlarmLogEventKind.AlarmAcknowledged,
        AlarmState.AudioPaused => AlarmLogEventKind.AlarmSilenced,
        _ => AlarmLogEventKind.AlarmChanged,
    };

    private static LogPriority LogPriorityOf(Contracts.Alarms.AlarmPriority priority) => priority switch
    {
        Contracts.Alarms.AlarmPriority.High => LogPriority.High,
        Contracts.Alarms.AlarmPriority.Medium => LogPriority.Medium,
        _ => LogPriority.Low,
    };

    public async Task<IReadOnlyList<Alarm>> ReadAsync(string patientId, long fromUnixMs, long toUnixMs, CancellationToken cancellationToken = default)
    {
        var entries = await store.QueryPatientAsync(patientId, DateTimeOffset.FromUnixTimeMilliseconds(fromUnixMs), DateTimeOffset.FromUnixTimeMilliseconds(toUnixMs), cancellationToken);
        var alarms = new List<Alarm>(entries.Count);
        foreach (AlarmLogEntry entry in entries)
        {
            if (entry.Kind is not AlarmLogEventKind.Event && entry.Detail is { } detail)
                alarms.Add(JsonSerializer.Deserialize<Alarm>(detail, Json)!);
        }
        return alarms;
    }
}
