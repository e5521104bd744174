namespace Monitoring.Grains.Audit;

/// <summary>
/// One line of the append-only audit log: who (user id and role, or "operator") did what to which patient, when
/// and from where. Holds ids only, never names.
/// </summary>
public sealed record AuditEntry
{
    public long AtUnixMs { get; init; }
    public string Actor { get; init; } = "";
    public string Role { get; init; } = "";
    public string? CentreId { get; init; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public string Action { get; init; } = "";
    public string? PatientId { get; init; }

    /// <summary>What the action was on, beyond the patient: an alarm id, a consult id, a time range.</summary>
    public string? Target { get; init; }

    /// <summary>The caller's network address.</summary>
    public string? RemoteAddress { get; init; }

    /// <summary>"ok", or why the action was refused.</summary>
    public string Outcome { get; init; } = "ok";
}
