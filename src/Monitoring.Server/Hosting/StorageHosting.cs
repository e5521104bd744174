using Monitoring.Grains;
using Monitoring.Grains.Alarms;
using Monitoring.Grains.Audit;
using Monitoring.Storage.Audit;
using Monitoring.Storage.Reminders;
using Monitoring.Grains.Waveforms;
using Monitoring.Storage.AlarmLog;
using Monitoring.Grains.Centres;
using Monitoring.Storage.Escalations;
using Monitoring.Storage.GrainState;
using Monitoring.Storage.Waveforms;

namespace Monitoring.Server.Hosting;

/// <summary>Everything kept on Azure Tables: grain state, reminders, the alarm log, the centres' escalated alarms, the audit log and full disclosure, under one table-name prefix.</summary>
public static class StorageHosting
{
    public static void AddMonitoringGrainStorage(this ISiloBuilder silo, ServerOptions options)
    {
        silo.AddMonitoringTableStorage(StorageNames.State, options, "GrainState");
        silo.AddAzureTableReminders(o =>
        {
            o.ConnectionString = options.StorageConnectionString;
            o.TableName = options.TablePrefix + "Reminders";
        });
    }

    /// <summary>Grain storage <paramref name="name"/> in the table <paramref name="table"/> (after the prefix).</summary>
    public static void AddMonitoringTableStorage(this ISiloBuilder silo, string name, ServerOptions options, string table) =>
        silo.AddAzureTableGrainStorage(name, o =>
        {
            o.ConnectionString = options.StorageConnectionString;
            o.TableName = options.TablePrefix + table;
        });

    public static void AddMonitoringStorage(this IServiceCollection services, ServerOptions options)
    {
        services.AddSingleton(sp => new WaveformStore(
            new WaveformStoreOptions
            {
                ConnectionString = options.WaveformConnectionString(),
                TableName = options.TablePrefix + "Waveforms",
                Retention = TimeSpan.FromHours(options.WaveformRetentionHours),
            },
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(new AlarmLogStore(new AlarmLogOptions
        {
            ConnectionString = options.StorageConnectionString,
            TableName = options.TablePrefix + "AlarmLog",
        }));
        services.AddSingleton<IFullDisclosureStore, TableFullDisclosureStore>();
        services.AddSingleton(new TableAuditLog(new AuditLogOptions
        {
            ConnectionString = options.StorageConnectionString,
            TableName = options.TablePrefix + "Audit",
        }));
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<TableAuditLog>());
        services.AddSingleton<IAlarmJournal, TableAlarmJournal>();
        services.AddSingleton(new TableEscalatedAlarmIndex(new EscalatedAlarmIndexOptions
        {
            ConnectionString = options.StorageConnectionString,
            TableName = options.TablePrefix + "EscalatedAlarms",
        }));
        services.AddSingleton<IEscalatedAlarmIndex>(sp => sp.GetRequiredService<TableEscalatedAlarmIndex>());
        services.AddHostedService<StorageMaintenance>();
    }
}
