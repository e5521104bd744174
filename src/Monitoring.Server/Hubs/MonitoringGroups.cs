namespace Monitoring.Server.Hubs;

/// <summary>SignalR groups of the monitoring hub: every console of a centre, and the consoles showing one patient's waveform.</summary>
public static class MonitoringGroups
{
    public static string Centre(string centreId) => "centre:" + centreId;

    public static string Patient(string patientId) => "patient:" + patientId;
}
