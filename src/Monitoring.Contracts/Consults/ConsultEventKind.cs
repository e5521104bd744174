namespace Monitoring.Contracts.Consults;

/// <summary>What happened to a consult (one entry of its history). Values are appended, never reordered.</summary>
public enum ConsultEventKind
{
    /// <summary>A clinician or an ambulance crew asked for the consult (the text is the reason).</summary>
    Requested,

    /// <summary>The consult was put in the queue of its first target centre (the text says why that one).</summary>
    Routed,

    /// <summary>The consult moved up to the next centre: nobody accepted in time, or the previous centre declined.</summary>
    Escalated,

    /// <summary>A consultant of the target centre accepted it.</summary>
    Accepted,

    /// <summary>The target centre declined it; it escalates at once.</summary>
    Declined,

    /// <summary>The consultant's written report (the text).</summary>
    Answered,

    /// <summary>The consult was withdrawn.</summary>
    Cancelled,

    /// <summary>It should have escalated but no centre is above the target (the province): it stays in that queue.</summary>
    NoHigherCentre,
}
