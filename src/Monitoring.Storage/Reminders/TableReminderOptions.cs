namespace Monitoring.Storage.Reminders;

/// <summary>Where <see cref="TableReminderTable"/> keeps Orleans reminders.</summary>
public sealed class TableReminderOptions : TableOptions
{
    public TableReminderOptions() : base("Reminders")
    {
    }
}
