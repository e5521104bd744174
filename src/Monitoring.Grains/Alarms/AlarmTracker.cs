using Monitoring.Contracts.Alarms;

namespace Monitoring.Grains.Alarms;

/// <summary>
/// A patient's alarms: a condition's onset raises an alarm (once while it lasts), its end resolves the alarm, or
/// latches it when the condition is latching (it then stays until acknowledged). Returns each change so that the
/// caller can store it and then push it.
/// </summary>
public sealed class AlarmTracker(string patientId, AlarmTrackerState state)
{
    /// <summary>Waveform kept around an alarm for review: before and after its onset.</summary>
    public static readonly TimeSpan StripBefore = TimeSpan.FromSeconds(10), StripAfter = TimeSpan.FromSeconds(10);

    public IReadOnlyList<Alarm> Active => state.Active;

    /// <summary>The condition started: a new alarm, or null when an alarm for it is already active.</summary>
    public Alarm? Onset(string condition, string? centreId, long onsetUnixMs, AlarmEvidence evidence, long evidenceArrivedUnixMs, long nowUnixMs)
    {
        if (state.Active.Exists(a => a.Condition == condition && a.State == AlarmState.Active)) return null;
        AlarmDefinition definition = AlarmCatalog.For(condition);
        var alarm = new Alarm
        {
            AlarmId = $"{patientId}/{++state.LastNumber}",
            PatientId = patientId,
            CentreId = centreId,
            Condition = condition,
            Label = definition.Label,
            Priority = definition.Priority,
            Kind = definition.Kind,
            Latched = definition.Latched,
            State = AlarmState.Active,
            OnsetUnixMs = onsetUnixMs,
            EvidenceArrivedUnixMs = evidenceArrivedUnixMs,
            RaisedUnixMs = nowUnixMs,
            HeartRateBpm = evidence.HeartRateBpm,
            BeatCount = evidence.BeatCount,
            IntervalMs = evidence.IntervalMs,
            StripFromUnixMs = onsetUnixMs - (long)StripBefore.TotalMilliseconds,
            StripToUnixMs = onsetUnixMs + (long)StripAfter.TotalMilliseconds,
        };
        state.Active.Add(alarm);
        return alarm;
    }

    /// <summary>The condition ended: the alarm resolved (or latched), or null when none was active.</summary>
    public Alarm? Offset(string condition, long endUnixMs)
    {
        int index = state.Active.FindIndex(a => a.Condition == condition && a.State == AlarmState.Active);
        if (index < 0) return null;
        Alarm alarm = state.Active[index];
        Alarm ended = alarm with { State = alarm.Latched ? AlarmState.Latched : AlarmState.Resolved, EndUnixMs = endUnixMs };
        if (ended.State == AlarmState.Resolved) state.Active.RemoveAt(index);
        else state.Active[index] = ended;
        return ended;
    }

    /// <summary>True while an alarm for the condition is active (not merely latched).</summary>
    public bool IsActive(string condition) => state.Active.Exists(a => a.Condition == condition && a.State == AlarmState.Active);
}

/// <summary>The persisted part of <see cref="AlarmTracker"/>.</summary>
[GenerateSerializer]
public sealed class AlarmTrackerState
{
    [Id(0)] public List<Alarm> Active { get; set; } = [];
    [Id(1)] public long LastNumber { get; set; }
}
