using MessagePack;

namespace Monitoring.Contracts.Alarms;

/// <summary>
/// An alarm of one patient, as it is stored and pushed to monitoring centres. MessagePack keys are camelCase
/// strings so that JavaScript clients receive plain objects; times are Unix milliseconds (UTC).
/// </summary>
[MessagePackObject, GenerateSerializer, Immutable]
public sealed record Alarm
{
    /// <summary>Unique per patient and alarm: <c>{patientId}/{number}</c>.</summary>
    [Key("alarmId"), Id(0)] public string AlarmId { get; init; } = "";
    [Key("patientId"), Id(1)] public string PatientId { get; init; } = "";
    /// <summary>The centre responsible for the patient (nearest above the patient's facility).</summary>
    [Key("centreId"), Id(2)] public string? CentreId { get; init; }

    /// <summary>The condition's code, for example <c>VentricularTachycardia</c> or <c>SignalLoss</c>.</summary>
    [Key("condition"), Id(3)] public string Condition { get; init; } = "";

    /// <summary>What a central station shows, for example "V-TACH" or "ASYSTOLE".</summary>
    [Key("label"), Id(4)] public string Label { get; init; } = "";
    [Key("priority"), Id(5)] public AlarmPriority Priority { get; init; }
    [Key("kind"), Id(6)] public AlarmKind Kind { get; init; }
    [Key("state"), Id(7)] public AlarmState State { get; init; }

    /// <summary>Latched alarms stay after the condition ends until acknowledged (lethal arrhythmias).</summary>
    [Key("latched"), Id(8)] public bool Latched { get; init; }

    /// <summary>When the condition started, on the device's sample clock.</summary>
    [Key("onsetUnixMs"), Id(9)] public long OnsetUnixMs { get; init; }

    /// <summary>When the condition ended, if it has.</summary>
    [Key("endUnixMs"), Id(10)] public long? EndUnixMs { get; init; }

    /// <summary>Server time at which the batch that revealed the condition arrived (start of the alarm latency).</summary>
    [Key("evidenceArrivedUnixMs"), Id(11)] public long EvidenceArrivedUnixMs { get; init; }

    /// <summary>Server time at which the alarm was raised (stored and about to be pushed).</summary>
    [Key("raisedUnixMs"), Id(12)] public long RaisedUnixMs { get; init; }

    /// <summary>Evidence: displayed heart rate at onset, if known.</summary>
    [Key("heartRateBpm"), Id(13)] public double? HeartRateBpm { get; init; }

    /// <summary>Evidence: run length, ectopic cycles or PVCs per minute, where the condition has one.</summary>
    [Key("beatCount"), Id(14)] public int BeatCount { get; init; }

    /// <summary>Evidence: for asystole, pause and signal loss, the time without QRS or signal, ms.</summary>
    [Key("intervalMs"), Id(15)] public long IntervalMs { get; init; }

    /// <summary>The stored waveform strip that documents the alarm (read it back with the waveform API).</summary>
    [Key("stripFromUnixMs"), Id(16)] public long StripFromUnixMs { get; init; }
    [Key("stripToUnixMs"), Id(17)] public long StripToUnixMs { get; init; }

    /// <summary>Counts the alarm's changes (1 when raised): a console keeps the highest version it has seen.</summary>
    [Key("version"), Id(18)] public int Version { get; init; } = 1;

    /// <summary>Server time of the last change.</summary>
    [Key("changedUnixMs"), Id(19)] public long ChangedUnixMs { get; init; }

    /// <summary>The user who acknowledged (a user id), and when.</summary>
    [Key("acknowledgedBy"), Id(20)] public string? AcknowledgedBy { get; init; }
    [Key("acknowledgedUnixMs"), Id(21)] public long? AcknowledgedUnixMs { get; init; }

    /// <summary>While set and in the future, the alarm's audio is paused.</summary>
    [Key("audioPausedUntilUnixMs"), Id(22)] public long? AudioPausedUntilUnixMs { get; init; }

    /// <summary>Centres above the responsible one that the alarm was escalated to, lowest tier first.</summary>
    [Key("escalation"), Id(23)] public IReadOnlyList<EscalationStep> Escalation { get; init; } = [];

    /// <summary>When the alarm escalates one tier up if still unacknowledged; null when no escalation is pending.</summary>
    [Key("escalationDueUnixMs"), Id(24)] public long? EscalationDueUnixMs { get; init; }

    /// <summary>
    /// How often the condition came back while the alarm was latched: each time the alarm became active again instead
    /// of a second alarm of the same condition (its escalation goes on, as nobody has answered it yet).
    /// </summary>
    [Key("recurrences"), Id(25)] public int Recurrences { get; init; }

    /// <summary>The latest recurrence: when the condition came back (device clock), and when the alarm was raised again (server time).</summary>
    [Key("lastOnsetUnixMs"), Id(26)] public long? LastOnsetUnixMs { get; init; }
    [Key("recurredUnixMs"), Id(27)] public long? RecurredUnixMs { get; init; }

    /// <summary>Whether this version raised the alarm: its first version, or the one in which it recurred.</summary>
    [IgnoreMember] public bool IsRaise => Version == 1 || RecurredUnixMs == ChangedUnixMs;
}
