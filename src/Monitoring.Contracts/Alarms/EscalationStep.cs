using MessagePack;

namespace Monitoring.Contracts.Alarms;

/// <summary>
/// One step of an alarm's escalation up the tiers, with the delivery and response statuses the IHE alarm
/// communication model (PCD-06/07) records: delivered to a console of the centre, viewed by a user, accepted or declined.
/// </summary>
[MessagePackObject, GenerateSerializer, Immutable]
public sealed record EscalationStep
{
    /// <summary>1 for the first centre above the responsible one, 2 for the next, and so on.</summary>
    [Key("level"), Id(0)] public int Level { get; init; }
    [Key("centreId"), Id(1)] public string CentreId { get; init; } = "";
    [Key("escalatedUnixMs"), Id(2)] public long EscalatedUnixMs { get; init; }
    [Key("deliveredUnixMs"), Id(3)] public long? DeliveredUnixMs { get; init; }
    [Key("viewedUnixMs"), Id(4)] public long? ViewedUnixMs { get; init; }
    [Key("response"), Id(5)] public EscalationResponse Response { get; init; }
    [Key("respondedUnixMs"), Id(6)] public long? RespondedUnixMs { get; init; }

    /// <summary>The user who viewed, accepted or declined (a user id, never a patient identifier).</summary>
    [Key("respondedBy"), Id(7)] public string? RespondedBy { get; init; }
}
