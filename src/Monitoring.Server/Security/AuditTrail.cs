using Monitoring.Grains.Audit;

namespace Monitoring.Server.Security;

/// <summary>Writes audit entries for the caller of an HTTP request or hub call (user or operator key, address, time).</summary>
public sealed class AuditTrail(IAuditLog log, TimeProvider clock)
{
    public Task RecordAsync(HttpContext? http, SignedInUser? user, string action, string? patientId, string? target = null, string outcome = "ok") =>
        log.AppendAsync(new AuditEntry
        {
            AtUnixMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            Actor = user?.UserId ?? "operator-key",
            Role = user?.Role.ToString() ?? AuthSchemes.Operator,
            CentreId = user?.CentreId,
            Action = action,
            PatientId = patientId,
            Target = target,
            RemoteAddress = http?.Connection.RemoteIpAddress?.ToString(),
            Outcome = outcome,
        });
}
