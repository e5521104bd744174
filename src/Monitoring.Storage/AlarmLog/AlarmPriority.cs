namespace Monitoring.Storage.AlarmLog;

/// <summary>Alarm priority as IEC 60601-1-8 defines it, by the urgency of the response it requires.</summary>
public enum AlarmPriority
{
    /// <summary>Not an alarm (an <see cref="AlarmLogEventKind.Event"/>).</summary>
    None,

    /// <summary>Operator awareness is required (e.g. a technical condition such as a noisy signal).</summary>
    Low,

    /// <summary>Prompt operator response is required (e.g. ventricular tachycardia in many default configurations).</summary>
    Medium,

    /// <summary>Immediate operator response is required (e.g. asystole, ventricular fibrillation).</summary>
    High,
}
