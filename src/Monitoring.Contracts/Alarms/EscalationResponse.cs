namespace Monitoring.Contracts.Alarms;

/// <summary>How the centre an alarm was escalated to answered (IHE alarm communication: accepted or declined).</summary>
public enum EscalationResponse
{
    None,
    Accepted,
    Declined,
}
