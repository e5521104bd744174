namespace Monitoring.Contracts.Alarms;

/// <summary>
/// Alarm states as IEC 60601-1-8 and the central stations define them. Values are appended, never reordered
/// (grain state stores them as numbers; SignalR sends them by name).
/// </summary>
public enum AlarmState
{
    /// <summary>The condition is present and nobody has acknowledged it: shown flashing, sounding, escalating when unanswered.</summary>
    Active,

    /// <summary>The condition has ended but the alarm is latched: it stays (and escalates) until a clinician acknowledges it.</summary>
    Latched,

    /// <summary>The condition has ended (and the alarm was not latched, or was acknowledged).</summary>
    Resolved,

    /// <summary>The condition is present and a clinician acknowledged it: audio off, shown steady, no escalation.</summary>
    Acknowledged,

    /// <summary>The condition is present, unacknowledged, with its audio paused for a set time (default 2 min); it escalates as if active.</summary>
    AudioPaused,
}
