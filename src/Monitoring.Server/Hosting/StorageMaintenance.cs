using Monitoring.Storage.AlarmLog;
using Monitoring.Storage.Escalations;
using Monitoring.Storage.Audit;
using Monitoring.Storage.Waveforms;

namespace Monitoring.Server.Hosting;

/// <summary>Creates the tables at start, then deletes full-disclosure hours past the retention period every hour.</summary>
public sealed class StorageMaintenance(
    WaveformStore waveforms, AlarmLogStore alarms, TableEscalatedAlarmIndex escalations, TableAuditLog audit, ILogger<StorageMaintenance> logger)
    : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromHours(1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await waveforms.InitializeAsync(cancellationToken);
        await alarms.InitializeAsync(cancellationToken);
        await escalations.InitializeAsync(cancellationToken);
        await audit.InitializeAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        do
        {
            try
            {
                int deleted = await waveforms.DeleteExpiredAsync(stoppingToken);
                if (deleted > 0) logger.LogInformation("Retention: deleted {Count} full-disclosure segments.", deleted);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Retention pass failed; retried in {Period}.", Period);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
