namespace Monitoring.Storage.AlarmLog;

/// <summary>Configuration of the <see cref="AlarmLogStore"/>.</summary>
public sealed class AlarmLogOptions : TableOptions
{
    public AlarmLogOptions() : base("AlarmLog")
    {
    }
}
