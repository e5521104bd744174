using MessagePack;

namespace Monitoring.Contracts.Consults;

/// <summary>One entry of a consult's history. Times are Unix milliseconds (UTC), server time.</summary>
[MessagePackObject, GenerateSerializer, Immutable]
public sealed record ConsultEvent
{
    [Key("atUnixMs"), Id(0)] public long AtUnixMs { get; init; }
    [Key("kind"), Id(1)] public ConsultEventKind Kind { get; init; }

    /// <summary>The centre concerned: the new target for routed and escalated, the acting centre otherwise.</summary>
    [Key("centreId"), Id(2)] public string? CentreId { get; init; }

    /// <summary>The user who acted (a user id); null for what the server did on its own (routing, escalation on time).</summary>
    [Key("userId"), Id(3)] public string? UserId { get; init; }

    /// <summary>The reason of a request, the report of an answer, or why a consult was routed or escalated.</summary>
    [Key("text"), Id(4)] public string Text { get; init; } = "";
}
