namespace Monitoring.Contracts.Alarms;

/// <summary>Physiological alarms come from the patient's ECG; technical alarms from the equipment or the link (IEC 60601-1-8).</summary>
public enum AlarmKind
{
    Physiological,
    Technical,
}
