using Monitoring.Contracts.Patients;
using Monitoring.Detection.Rhythm;

namespace Monitoring.Grains.Patients;

/// <summary>Turns a patient's alarm settings into the analyzer's settings, and checks them against the ranges monitors allow.</summary>
public static class PatientSettingsRules
{
    public static RhythmAlarmSettings ToRhythm(PatientAlarmSettings settings) => new()
    {
        AsystoleDelaySeconds = settings.AsystoleSeconds,
        PauseThresholdSeconds = settings.PauseSeconds,
        BradycardiaBpm = settings.BradycardiaBpm,
        TachycardiaBpm = settings.TachycardiaBpm,
        ExtremeBradycardiaBpm = settings.ExtremeBradycardiaBpm,
        ExtremeTachycardiaBpm = settings.ExtremeTachycardiaBpm,
        RateAlarmDelaySeconds = settings.RateAlarmDelaySeconds,
    };

    public static VentricularEctopySettings ToEctopy(PatientAlarmSettings settings) => new()
    {
        VtBeats = settings.VentricularTachycardiaBeats,
        VtRateBpm = settings.VentricularTachycardiaBpm,
        PvcsPerMinuteLimit = settings.PvcsPerMinute,
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public static void Validate(PatientAlarmSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ToRhythm(settings).Validate();
        ToEctopy(settings).Validate();
        if (settings.SignalLossSeconds is < 2 or > 60)
            throw new ArgumentException($"{nameof(settings.SignalLossSeconds)} must be 2 to 60 s.", nameof(settings));
    }
}
