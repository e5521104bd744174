namespace Monitoring.Contracts.Alarms;

/// <summary>IEC 60601-1-8 alarm priorities: high (red, immediate response), medium (yellow, prompt), low (cyan, awareness).</summary>
public enum AlarmPriority
{
    Low,
    Medium,
    High,
}
