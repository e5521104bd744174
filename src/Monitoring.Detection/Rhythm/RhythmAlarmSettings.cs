namespace Monitoring.Detection.Rhythm;

/// <summary>
/// Per-patient limits of the rate and pause conditions. Defaults are the adult defaults bedside monitors ship with:
/// HR limits 50 and 120 bpm; extreme limits 10 bpm below and 20 bpm above them, as Philips derives them; asystole
/// after 4 s without a QRS; pause threshold 2.0 s (Mindray offers 1.5 to 3.0 s, asystole delay 3 to 10 s); rate alarms
/// validated for 3 s (<see cref="RateAlarmDelaySeconds"/>).
/// </summary>
public sealed record RhythmAlarmSettings
{
    public double AsystoleDelaySeconds { get; init; } = 4.0;
    public double PauseThresholdSeconds { get; init; } = 2.0;
    public double BradycardiaBpm { get; init; } = 50;
    public double TachycardiaBpm { get; init; } = 120;
    public double ExtremeBradycardiaBpm { get; init; } = 40;
    public double ExtremeTachycardiaBpm { get; init; } = 140;

    /// <summary>
    /// Seconds the heart rate must stay beyond the bradycardia or tachycardia limit before that alarm is declared
    /// (alarm validation, see <see cref="RateLimitValidation"/>; the extreme limits are not held off): 3 s as Welch
    /// Allyn holds off HR alarms; 0 to 10 s.
    /// </summary>
    public int RateAlarmDelaySeconds { get; init; } = 3;

    public static RhythmAlarmSettings Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range or inconsistent.</summary>
    public void Validate()
    {
        Require(AsystoleDelaySeconds is >= 3 and <= 10, nameof(AsystoleDelaySeconds), "must be 3 to 10 s");
        Require(PauseThresholdSeconds is >= 1.5 and <= 3.0, nameof(PauseThresholdSeconds), "must be 1.5 to 3.0 s");
        Require(PauseThresholdSeconds < AsystoleDelaySeconds, nameof(PauseThresholdSeconds), "must be shorter than the asystole delay");
        Require(ExtremeBradycardiaBpm is >= 15 and <= 115, nameof(ExtremeBradycardiaBpm), "must be 15 to 115 bpm");
        Require(BradycardiaBpm is >= 16 and <= 120, nameof(BradycardiaBpm), "must be 16 to 120 bpm");
        Require(TachycardiaBpm is >= 60 and <= 295, nameof(TachycardiaBpm), "must be 60 to 295 bpm");
        Require(ExtremeTachycardiaBpm is >= 65 and <= 300, nameof(ExtremeTachycardiaBpm), "must be 65 to 300 bpm");
        Require(RateAlarmDelaySeconds is >= 0 and <= 10, nameof(RateAlarmDelaySeconds), "must be 0 to 10 s");
        Require(ExtremeBradycardiaBpm < BradycardiaBpm, nameof(ExtremeBradycardiaBpm), "must be below the bradycardia limit");
        Require(BradycardiaBpm < TachycardiaBpm, nameof(BradycardiaBpm), "must be below the tachycardia limit");
        Require(TachycardiaBpm < ExtremeTachycardiaBpm, nameof(ExtremeTachycardiaBpm), "must be above the tachycardia limit");
    }

    private static void Require(bool condition, string setting, string rule)
    {
        if (!condition) throw new ArgumentException($"{setting} {rule}.", setting);
    }
}
