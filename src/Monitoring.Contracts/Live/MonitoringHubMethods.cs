namespace Monitoring.Contracts.Live;

/// <summary>Names of the SignalR methods the server calls on monitoring-centre clients.</summary>
public static class MonitoringHubMethods
{
    /// <summary>An alarm was raised or changed state; argument: <see cref="Alarms.Alarm"/>.</summary>
    public const string Alarm = "alarm";

    /// <summary>Live ECG of a watched patient; argument: <see cref="WaveformFrame"/>.</summary>
    public const string Waveform = "waveform";

    /// <summary>Heart rate and rhythm of a watched patient; argument: <see cref="VitalsUpdate"/>.</summary>
    public const string Vitals = "vitals";

    /// <summary>A consult was requested, routed, escalated, accepted, answered or cancelled; argument: <see cref="Consults.ConsultView"/>.</summary>
    public const string Consult = "consult";
}
