using System.Collections.Frozen;
using Monitoring.Contracts.Alarms;

namespace Monitoring.Grains.Alarms;

/// <summary>
/// Default priority and latching of each alarm condition, as the major vendors ship them (Mindray, Philips; see
/// ../shared/research/monitoring-anchors.md 1.2): the lethal arrhythmias (asystole, VF, VT) and the extreme rates
/// are high priority and latched; other rate and ectopy alarms medium or low; technical alarms last while their
/// cause lasts. Condition codes are the analyzer's condition names plus the technical conditions below.
/// </summary>
public static class AlarmCatalog
{
    public const string SignalLoss = "SignalLoss";
    public const string LeadsOff = "LeadsOff";
    public const string BatteryLow = "BatteryLow";

    /// <summary>Storage is failing: full-disclosure ECG or the alarm history is not being recorded (live monitoring
    /// and alarms go on). Low priority: nothing is wrong with the patient, but review and records have a hole.</summary>
    public const string RecordingFailure = "RecordingFailure";

    /// <summary>Battery level (percent) at which the device's battery alarm starts, and above which it ends.</summary>
    public const int BatteryLowPercent = 10, BatteryRecoveredPercent = 15;

    private static readonly FrozenDictionary<string, AlarmDefinition> Definitions = new AlarmDefinition[]
    {
        Physiological("Asystole", "ASYSTOLE", AlarmPriority.High, latched: true),
        Physiological("VentricularFibrillation", "V-FIB", AlarmPriority.High, latched: true),
        Physiological("VentricularTachycardia", "V-TACH", AlarmPriority.High, latched: true),
        Physiological("ExtremeTachycardia", "EXTREME TACHY", AlarmPriority.High, latched: true),
        Physiological("ExtremeBradycardia", "EXTREME BRADY", AlarmPriority.High, latched: true),
        Physiological("Tachycardia", "TACHY", AlarmPriority.Medium),
        Physiological("Bradycardia", "BRADY", AlarmPriority.Medium),
        Physiological("NonSustainedVentricularTachycardia", "NON-SUSTAINED VT", AlarmPriority.Medium),
        Physiological("VentricularRhythm", "VENT RHYTHM", AlarmPriority.Medium),
        Physiological("PvcRun", "RUN PVCs", AlarmPriority.Medium),
        Physiological("RonT", "R ON T", AlarmPriority.Medium),
        Physiological("Pause", "PAUSE", AlarmPriority.Medium),
        Physiological("PacerNotCapture", "PACER NOT CAPTURE", AlarmPriority.Medium),
        Physiological("MissedBeat", "MISSED BEAT", AlarmPriority.Low),
        Physiological("AtrialFibrillation", "AFIB", AlarmPriority.Low),
        Physiological("IrregularRhythm", "IRREGULAR RHYTHM", AlarmPriority.Low),
        Physiological("Couplet", "COUPLET", AlarmPriority.Low),
        Physiological("Bigeminy", "BIGEMINY", AlarmPriority.Low),
        Physiological("Trigeminy", "TRIGEMINY", AlarmPriority.Low),
        Physiological("PvcsPerMinute", "PVCs/min HIGH", AlarmPriority.Low),
        new(SignalLoss, "NO SIGNAL", AlarmPriority.Medium, AlarmKind.Technical, Latched: false),
        new(LeadsOff, "LEADS OFF", AlarmPriority.Medium, AlarmKind.Technical, Latched: false),
        new("SignalArtifact", "ECG ARTIFACT", AlarmPriority.Low, AlarmKind.Technical, Latched: false),
        new(BatteryLow, "BATTERY LOW", AlarmPriority.Low, AlarmKind.Technical, Latched: false),
        new("FlatLine", "ECG FLAT LINE - CHECK LEADS", AlarmPriority.Medium, AlarmKind.Technical, Latched: false),
        new("SignalSaturation", "ECG SIGNAL OVERRANGE", AlarmPriority.Medium, AlarmKind.Technical, Latched: false),
        new("HighFrequencyNoise", "ECG NOISY SIGNAL", AlarmPriority.Low, AlarmKind.Technical, Latched: false),
        new("BaselineWander", "ECG BASELINE WANDER", AlarmPriority.Low, AlarmKind.Technical, Latched: false),
        new(RecordingFailure, "ECG RECORDING FAILED", AlarmPriority.Low, AlarmKind.Technical, Latched: false),
    }.ToFrozenDictionary(d => d.Condition, StringComparer.Ordinal);

    /// <summary>
    /// The more severe form of a heart-rate limit condition (extreme tachycardia for tachycardia, extreme bradycardia
    /// for bradycardia), or null. A monitor announces one alarm per measurement, the most severe (Philips IntelliVue):
    /// while the more severe form's alarm is on the list, the milder one is not raised.
    /// </summary>
    public static string? MoreSevereForm(string condition) => condition switch
    {
        "Tachycardia" => "ExtremeTachycardia",
        "Bradycardia" => "ExtremeBradycardia",
        _ => null,
    };

    /// <summary>Whether the catalog defines a condition (priority and latching chosen for it, not the fallback of <see cref="For"/>).</summary>
    public static bool Defines(string condition) => Definitions.ContainsKey(condition);

    /// <summary>The definition of a condition; an unknown one (a newer analyzer) is a medium-priority physiological alarm.</summary>
    public static AlarmDefinition For(string condition) =>
        Definitions.TryGetValue(condition, out var definition)
            ? definition
            : new AlarmDefinition(condition, condition.ToUpperInvariant(), AlarmPriority.Medium, AlarmKind.Physiological, Latched: false);

    private static AlarmDefinition Physiological(string condition, string label, AlarmPriority priority, bool latched = false) =>
        new(condition, label, priority, AlarmKind.Physiological, latched);
}
