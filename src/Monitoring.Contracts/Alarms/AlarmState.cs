namespace Monitoring.Contracts.Alarms;

public enum AlarmState
{
    /// <summary>The condition is present.</summary>
    Active,

    /// <summary>The condition has ended but the alarm is latched: it stays until a clinician acknowledges it.</summary>
    Latched,

    /// <summary>The condition has ended (and the alarm is not latched).</summary>
    Resolved,
}
