namespace Monitoring.Server.Live;

/// <summary>One push to a monitoring-hub group: hub method <see cref="Method"/> with <see cref="Payload"/> (a contract type, e.g. an alarm).</summary>
[GenerateSerializer, Immutable]
public sealed record HubGroupMessage(
    [property: Id(0)] string Group,
    [property: Id(1)] string Method,
    [property: Id(2)] object? Payload);
