namespace Monitoring.Grains.Audit;

/// <summary>What the audit log records: viewing and acting on patients, and exporting their data.</summary>
public static class AuditActions
{
    public const string ViewPatient = "view-patient";
    public const string ViewLiveWaveform = "view-live-waveform";
    public const string ViewAlarmHistory = "view-alarm-history";
    public const string ExportWaveform = "export-waveform";
    public const string AcknowledgeAlarm = "acknowledge-alarm";
    public const string PauseAlarmAudio = "pause-alarm-audio";
    public const string RespondToEscalation = "respond-to-escalation";
    public const string ChangeAlarmLimits = "change-alarm-limits";
    public const string ConsultAction = "consult";
    public const string ViewAuditLog = "view-audit-log";
}
