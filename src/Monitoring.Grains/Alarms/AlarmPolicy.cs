using Monitoring.Contracts.Alarms;

namespace Monitoring.Grains.Alarms;

/// <summary>
/// Escalation and audio-pause times (configuration section <c>Monitoring:Alarms</c>). Defaults as remote-care
/// networks set them: an unacknowledged high-priority alarm goes one tier up after 30 s, a medium one after 2 min;
/// low-priority alarms do not escalate; an audio pause lasts 2 min (IEC 60601-1-8 and vendors).
/// </summary>
public sealed class AlarmPolicy
{
    public double HighEscalationSeconds { get; set; } = 30;
    public double MediumEscalationSeconds { get; set; } = 120;
    public double AudioPauseSeconds { get; set; } = 120;

    /// <summary>
    /// How long a new analysis (after a gap, leads off, a failover) has to report again a condition whose alarm is
    /// still present; after that the alarm ends, dated where the previous analysis stopped. Long enough for the slowest
    /// condition to be found again (AF needs about 30 beats, PVCs per minute a minute's count).
    /// </summary>
    public double AnalysisRestartGraceSeconds { get; set; } = 60;

    /// <summary>
    /// Period of the durable reminder that wakes a patient with pending alarm deadlines after a host restart
    /// (Orleans allows no less than 1 min by default): the most an overdue escalation can be late after a restart.
    /// </summary>
    public double ReminderSeconds { get; set; } = 60;

    /// <summary>When an alarm of this priority raised (or escalated) at <paramref name="nowUnixMs"/> escalates next, or null if it never does.</summary>
    public long? EscalationDue(AlarmPriority priority, long nowUnixMs) => priority switch
    {
        AlarmPriority.High => nowUnixMs + (long)(HighEscalationSeconds * 1000),
        AlarmPriority.Medium => nowUnixMs + (long)(MediumEscalationSeconds * 1000),
        _ => null,
    };
}
