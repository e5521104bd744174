namespace Monitoring.Storage.Escalations;

/// <summary>Configuration of the <see cref="TableEscalatedAlarmIndex"/>.</summary>
public sealed class EscalatedAlarmIndexOptions : TableOptions
{
    public EscalatedAlarmIndexOptions() : base("EscalatedAlarms")
    {
    }
}
