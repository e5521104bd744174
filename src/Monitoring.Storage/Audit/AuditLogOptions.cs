namespace Monitoring.Storage.Audit;

/// <summary>Where <see cref="TableAuditLog"/> keeps the audit log.</summary>
public sealed class AuditLogOptions : TableOptions
{
    public AuditLogOptions() : base("Audit")
    {
    }
}
