using Microsoft.Extensions.DependencyInjection;

namespace Monitoring.Storage.Reminders;

public static class TableReminderExtensions
{
    /// <summary>Orleans reminders, kept durably in an Azure Table (<see cref="TableReminderTable"/>).</summary>
    public static ISiloBuilder AddAzureTableReminders(this ISiloBuilder builder, Action<TableReminderOptions> configure)
    {
        var options = new TableReminderOptions();
        configure(options);
        builder.AddReminders();
        builder.Services.AddSingleton<IReminderTable>(new TableReminderTable(options));
        return builder;
    }
}
