namespace Monitoring.Detection.Rhythm;

/// <summary>
/// Alarm validation of the heart-rate limits: bradycardia and tachycardia are declared only once the rate has stayed
/// beyond the limit for the validation delay, as bedside monitors hold off limit alarms (Welch Allyn: HR 3 s; Dräger
/// Infinity "alarm validation": HR 6 s). A rate that crosses a limit for a second or two and comes back, the commonest
/// nuisance alarm, raises nothing. The extreme forms are not held off: they are high priority and latched (a brief
/// crossing stays on the console until acknowledged), and a slow rate is already seen late (at 35/min the displayed
/// rate needs about 8 s), so a delay would take their time to alarm past IEC 60601-2-27's 10 s. Judged on the
/// once-a-second rate checks; the delay is <see cref="RhythmAlarmSettings.RateAlarmDelaySeconds"/>, 0 for none.
/// Allocation-free.
/// </summary>
internal sealed class RateLimitValidation(RhythmAlarmSettings settings)
{
    private readonly int _checksNeeded = settings.RateAlarmDelaySeconds + 1;
    private Stretch _above, _extremeAbove, _below, _extremeBelow;

    /// <summary>
    /// Takes the rate checked at <paramref name="sampleIndex"/> (null: none measured) and returns the most severe
    /// condition validated so far (an extreme one at once), with the check from which its rate has been beyond the limit.
    /// </summary>
    public (RhythmCondition? Condition, long Since) Check(double? rate, long sampleIndex)
    {
        _extremeBelow.Update(rate < settings.ExtremeBradycardiaBpm, sampleIndex);
        _below.Update(rate < settings.BradycardiaBpm, sampleIndex);
        _extremeAbove.Update(rate > settings.ExtremeTachycardiaBpm, sampleIndex);
        _above.Update(rate > settings.TachycardiaBpm, sampleIndex);
        if (_extremeBelow.Checks > 0) return (RhythmCondition.ExtremeBradycardia, _extremeBelow.Since);
        if (_below.Checks >= _checksNeeded) return (RhythmCondition.Bradycardia, _below.Since);
        if (_extremeAbove.Checks > 0) return (RhythmCondition.ExtremeTachycardia, _extremeAbove.Since);
        if (_above.Checks >= _checksNeeded) return (RhythmCondition.Tachycardia, _above.Since);
        return (null, sampleIndex);
    }

    /// <summary>The rate could not be judged (unreadable signal, pause, asystole): every stretch starts again.</summary>
    public void Reset() => _above = _extremeAbove = _below = _extremeBelow = default;

    /// <summary>Consecutive checks beyond one limit, and the first of them.</summary>
    private struct Stretch
    {
        public int Checks;
        public long Since;

        public void Update(bool beyond, long sampleIndex)
        {
            if (!beyond) Checks = 0;
            else if (Checks++ == 0) Since = sampleIndex;
        }
    }
}
