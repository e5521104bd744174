namespace Monitoring.Grains.Audit;

/// <summary>The append-only audit log (the host supplies it: Azure Tables). Entries are only ever added.</summary>
public interface IAuditLog
{
    Task AppendAsync(AuditEntry entry);

    /// <summary>A patient's entries in [from, to), oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadPatientAsync(string patientId, long fromUnixMs, long toUnixMs);
}
