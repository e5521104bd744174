using Monitoring.Contracts.Consults;

namespace Monitoring.Grains.Consults;

/// <summary>
/// Times to acceptance of consults (configuration section <c>Monitoring:Consults</c>): when a consult's time passes
/// with nobody accepting, it escalates to the next centre up. Defaults as teleconsultation networks set them for
/// ECG reading: routine 30 min, urgent 10 min, STAT 2 min (STEMI pathways aim at an ECG read within minutes).
/// </summary>
public sealed class ConsultPolicy
{
    public double RoutineAcceptSeconds { get; set; } = 30 * 60;
    public double UrgentAcceptSeconds { get; set; } = 10 * 60;
    public double StatAcceptSeconds { get; set; } = 2 * 60;

    /// <summary>
    /// Period of the durable reminder that wakes a consult waiting for acceptance after a host restart (Orleans
    /// allows no less than 1 min by default): the most an overdue escalation can be late after a restart.
    /// </summary>
    public double ReminderSeconds { get; set; } = 60;

    /// <summary>How long a centre has to accept a consult of this urgency before it escalates.</summary>
    public TimeSpan AcceptTime(ConsultUrgency urgency) => TimeSpan.FromSeconds(urgency switch
    {
        ConsultUrgency.Stat => StatAcceptSeconds,
        ConsultUrgency.Urgent => UrgentAcceptSeconds,
        _ => RoutineAcceptSeconds,
    });

    /// <summary>When a consult of this urgency routed (or escalated) at <paramref name="nowUnixMs"/> escalates if nobody accepts it.</summary>
    public long AcceptDue(ConsultUrgency urgency, long nowUnixMs) => nowUnixMs + (long)AcceptTime(urgency).TotalMilliseconds;
}
