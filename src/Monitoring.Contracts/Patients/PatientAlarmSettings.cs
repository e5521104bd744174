using MessagePack;
namespace Monitoring.Contracts.Patients;

/// <summary>
/// Per-patient arrhythmia alarm limits a clinician may change, with the defaults bedside monitors ship
/// (Mindray/Philips: asystole 4 s, pause 2 s, brady 50, tachy 120, extreme brady 40, extreme tachy 140 bpm,
/// VT 6 PVCs at 130 bpm, 10 PVCs/min; rate alarms held off 3 s as Welch Allyn does).
/// </summary>
[MessagePackObject, GenerateSerializer, Immutable]
public sealed record PatientAlarmSettings
{
    [Key("asystoleSeconds"), Id(0)] public double AsystoleSeconds { get; init; } = 4.0;
    [Key("pauseSeconds"), Id(1)] public double PauseSeconds { get; init; } = 2.0;
    [Key("bradycardiaBpm"), Id(2)] public double BradycardiaBpm { get; init; } = 50;
    [Key("tachycardiaBpm"), Id(3)] public double TachycardiaBpm { get; init; } = 120;
    [Key("extremeBradycardiaBpm"), Id(4)] public double ExtremeBradycardiaBpm { get; init; } = 40;
    [Key("extremeTachycardiaBpm"), Id(5)] public double ExtremeTachycardiaBpm { get; init; } = 140;
    [Key("ventricularTachycardiaBeats"), Id(6)] public int VentricularTachycardiaBeats { get; init; } = 6;
    [Key("ventricularTachycardiaBpm"), Id(7)] public double VentricularTachycardiaBpm { get; init; } = 130;
    [Key("pvcsPerMinute"), Id(8)] public int PvcsPerMinute { get; init; } = 10;

    /// <summary>Seconds without data from the device before a signal-loss technical alarm.</summary>
    [Key("signalLossSeconds"), Id(9)] public double SignalLossSeconds { get; init; } = 5.0;

    /// <summary>
    /// The patient has a pacemaker (the monitor's "paced" setting, off by default as on bedside monitors): wide beats
    /// that come on time are paced beats, not PVCs, so a paced rhythm raises no ventricular rhythm or VT alarm. Set
    /// it only for paced patients: in a patient without a pacemaker it hides late PVCs.
    /// </summary>
    [Key("paced"), Id(10)] public bool Paced { get; init; }

    /// <summary>
    /// Seconds the heart rate must stay beyond the brady- or tachycardia limit before that alarm is raised (alarm
    /// validation): a rate that touches a limit for a moment raises nothing. The extreme limits alarm at once. 0 to 10 s.
    /// </summary>
    [Key("rateAlarmDelaySeconds"), Id(11)] public int RateAlarmDelaySeconds { get; init; } = 3;
}
