using MessagePack;

namespace Monitoring.Contracts.Consults;

/// <summary>
/// A consult as stored and pushed to the consoles of the centres concerned, with its whole history. MessagePack keys
/// are camelCase strings so that JavaScript clients receive plain objects; times are Unix milliseconds (UTC).
/// </summary>
[MessagePackObject, GenerateSerializer, Immutable]
public sealed record ConsultView
{
    [Key("consultId"), Id(0)] public string ConsultId { get; init; } = "";
    [Key("request"), Id(1)] public ConsultRequest Request { get; init; } = new();
    [Key("state"), Id(2)] public ConsultState State { get; init; }

    /// <summary>The centre whose queue holds the consult: it accepts and answers it.</summary>
    [Key("targetCentreId"), Id(3)] public string TargetCentreId { get; init; } = "";

    /// <summary>The consultant who accepted (a user id), once accepted.</summary>
    [Key("acceptedBy"), Id(4)] public string? AcceptedBy { get; init; }

    /// <summary>The written report, once answered.</summary>
    [Key("report"), Id(5)] public string? Report { get; init; }

    [Key("requestedUnixMs"), Id(6)] public long RequestedUnixMs { get; init; }

    /// <summary>When the consult escalates to the next centre up if nobody accepts it; null when nothing is pending.</summary>
    [Key("acceptDueUnixMs"), Id(7)] public long? AcceptDueUnixMs { get; init; }

    /// <summary>Everything that happened to the consult, oldest first.</summary>
    [Key("history"), Id(8)] public IReadOnlyList<ConsultEvent> History { get; init; } = [];

    /// <summary>Counts the consult's changes (1 when requested): a console keeps the highest version it has seen.</summary>
    [Key("version"), Id(9)] public int Version { get; init; } = 1;
}
