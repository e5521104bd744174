namespace Monitoring.Grains.Alarms;

/// <summary>What the analysis saw when a condition started: displayed rate, run length or count, interval without QRS.</summary>
public readonly record struct AlarmEvidence(double? HeartRateBpm = null, int BeatCount = 0, long IntervalMs = 0);
