namespace Monitoring.Contracts.Users;

/// <summary>A user of the product (clinician or operator) as the operator API defines it.</summary>
[GenerateSerializer, Immutable]
public sealed record UserDefinition
{
    [Id(0)] public string UserId { get; init; } = "";
    [Id(1)] public string DisplayName { get; init; } = "";
    [Id(2)] public ClinicalRole Role { get; init; }

    /// <summary>The monitoring centre a clinician works for; null for network operators.</summary>
    [Id(3)] public string? CentreId { get; init; }
}
