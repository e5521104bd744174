namespace Monitoring.Contracts.Alarms;

/// <summary>What a centre's console reports about an alarm escalated to it (IHE alarm communication statuses).</summary>
public enum EscalationReport
{
    Delivered,
    Viewed,
    Accepted,
    Declined,
}
