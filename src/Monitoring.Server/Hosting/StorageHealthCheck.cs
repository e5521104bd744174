using Microsoft.Extensions.Diagnostics.HealthChecks;
using Monitoring.Storage.AlarmLog;
using Monitoring.Storage.Waveforms;

namespace Monitoring.Server.Hosting;

/// <summary>
/// Ready when Azure Tables answers: a one-patient query over an empty range of the alarm log and of full disclosure
/// (which may live in a storage account of its own, <see cref="ServerOptions.WaveformStorageConnectionString"/>).
/// </summary>
public sealed class StorageHealthCheck(AlarmLogStore alarms, WaveformStore waveforms) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        DateTimeOffset from = DateTimeOffset.UnixEpoch, to = from.AddTicks(1);
        try
        {
            await alarms.QueryPatientAsync("health-probe", from, to, cancellationToken);
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("Azure Tables does not answer.", e);
        }
        try
        {
            await waveforms.ReadAsync("health-probe", from, to, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("The full-disclosure tables do not answer.", e);
        }
    }
}
