namespace Monitoring.Detection.Rhythm;

/// <summary>A rhythm condition starting (<paramref name="Onset"/> true) or ending, with its evidence.</summary>
/// <param name="Condition">Which condition.</param>
/// <param name="Onset">True when the condition starts, false when it ends.</param>
/// <param name="SampleIndex">Stream sample at which the condition started or ended.</param>
/// <param name="HeartRateBpm">The displayed heart rate at that moment, if one is known; for ventricular fibrillation the rate of the fibrillatory waves (per minute).</param>
/// <param name="IntervalSamples">
/// For asystole and pause: the time without a QRS so far (onset) or in all (offset). For ventricular fibrillation: the
/// length of the waveform that showed it (onset) or the episode's duration (offset).
/// </param>
/// <param name="BeatCount">For ventricular ectopy: the run length, the number of ectopic cycles, or PVCs per minute.</param>
public readonly record struct RhythmEvent(
    RhythmCondition Condition, bool Onset, long SampleIndex, double? HeartRateBpm, long IntervalSamples, int BeatCount = 0);
