namespace Monitoring.Storage.AlarmLog;

/// <summary>What an <see cref="AlarmLogEntry"/> records.</summary>
public enum AlarmLogEventKind
{
    /// <summary>An alarm condition was detected and its alarm signal started (at the bedside or the central station).</summary>
    AlarmRaised,

    /// <summary>A clinician acknowledged the alarm: the signal stops, the condition may persist (IEC 60601-1-8).</summary>
    AlarmAcknowledged,

    /// <summary>The audible signal was paused for a while (audio paused); the visual signal continues.</summary>
    AlarmSilenced,

    /// <summary>The alarm condition no longer exists.</summary>
    AlarmEnded,

    /// <summary>Anything else worth a line in the patient's event log (admission, discharge, alarm limits changed, a note).</summary>
    Event,

    /// <summary>Any other alarm change: escalated one tier up, an escalation delivered, viewed, accepted or declined, audio resumed.</summary>
    AlarmChanged,
}
