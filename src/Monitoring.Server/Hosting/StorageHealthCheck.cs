using Microsoft.Extensions.Diagnostics.HealthChecks;
using Monitoring.Storage.AlarmLog;

namespace Monitoring.Server.Hosting;

/// <summary>Ready when Azure Tables answers: a one-patient alarm-log query over an empty range.</summary>
public sealed class StorageHealthCheck(AlarmLogStore alarms) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await alarms.QueryPatientAsync("health-probe", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddTicks(1), cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("Azure Tables does not answer.", e);
        }
    }
}
