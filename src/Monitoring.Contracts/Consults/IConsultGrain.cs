using Orleans.Concurrency;

namespace Monitoring.Contracts.Consults;

/// <summary>
/// One consult (key: a new consult id, for example a GUID): routed to the queue of the requester's supervising
/// centre, accepted and answered with a written report there, escalated one centre up the patient's chain when
/// nobody accepts within its urgency's time. The host checks who may call what; the grain checks the consult's
/// own rules (which centre may accept, decline or answer, and in which state). Breaking a rule throws
/// <see cref="InvalidOperationException"/>.
/// </summary>
public interface IConsultGrain : IGrainWithStringKey
{
    /// <summary>Opens the consult and routes it. Repeating the same request returns the consult as it is; a different one throws.</summary>
    Task<ConsultView> RequestAsync(ConsultRequest request);

    /// <summary>A consultant of the target centre takes the consult (it stops escalating).</summary>
    Task<ConsultView> AcceptAsync(string centreId, string userId);

    /// <summary>The target centre refuses the consult before accepting it: it escalates to the next centre at once.</summary>
    Task<ConsultView> DeclineAsync(string centreId, string userId);

    /// <summary>The written report, by a user of the centre that accepted: closes the consult.</summary>
    Task<ConsultView> AnswerAsync(string centreId, string userId, string report);

    /// <summary>Withdraws an open consult (requested or accepted).</summary>
    Task<ConsultView> CancelAsync(string userId);

    /// <summary>The consult, or null when it was never requested. Interleaves: a centre lists its queue while the consult may be calling it.</summary>
    [AlwaysInterleave]
    Task<ConsultView?> GetAsync();
}
