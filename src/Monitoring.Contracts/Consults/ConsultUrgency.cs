namespace Monitoring.Contracts.Consults;

/// <summary>
/// How soon a consult must be taken up. Each urgency has a time to acceptance (configuration section
/// <c>Monitoring:Consults</c>); when it passes with nobody accepting, the consult escalates to the next centre up.
/// Values are appended, never reordered (they are stored and sent as numbers over MessagePack).
/// </summary>
public enum ConsultUrgency
{
    /// <summary>A second opinion that can wait for the end of a round: accepted within 30 min by default.</summary>
    Routine,

    /// <summary>A question that changes treatment now (new ST change, unclear rhythm): accepted within 10 min by default.</summary>
    Urgent,

    /// <summary>Immediately (suspected STEMI, life-threatening arrhythmia): accepted within 2 min by default.</summary>
    Stat,
}
