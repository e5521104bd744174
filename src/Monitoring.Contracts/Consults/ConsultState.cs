namespace Monitoring.Contracts.Consults;

/// <summary>Where a consult stands. Values are appended, never reordered (they are stored and sent as numbers over MessagePack).</summary>
public enum ConsultState
{
    /// <summary>In the queue of its target centre, waiting for a consultant to accept it (escalates when its time passes).</summary>
    Requested,

    /// <summary>A consultant of the target centre took it and is writing the report.</summary>
    Accepted,

    /// <summary>The consultant's written report is in: the consult is closed.</summary>
    Answered,

    /// <summary>Withdrawn before it was answered: the consult is closed.</summary>
    Cancelled,
}
