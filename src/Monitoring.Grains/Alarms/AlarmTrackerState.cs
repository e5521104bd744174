using Monitoring.Contracts.Alarms;

namespace Monitoring.Grains.Alarms;

/// <summary>The persisted part of <see cref="AlarmTracker"/>.</summary>
[GenerateSerializer]
public sealed class AlarmTrackerState
{
    [Id(0)] public List<Alarm> Active { get; set; } = [];
    [Id(1)] public long LastNumber { get; set; }
    [Id(2)] public long? AudioPausedUntilUnixMs { get; set; }

    /// <summary>The latest raised episodes (condition and onset), to recognise one found again after a failover.</summary>
    [Id(3)] public List<RecentOnset> RecentOnsets { get; set; } = [];

    /// <summary>Milder rate conditions going on under their more severe form's alarm, not raised (yet).</summary>
    [Id(4)] public List<CoveredOnset> Covered { get; set; } = [];

    /// <summary>Present alarms waiting for a new analysis to report their condition again.</summary>
    [Id(5)] public List<UnconfirmedCondition> Unconfirmed { get; set; } = [];
}

/// <summary>A condition whose alarm is present, waiting since <see cref="SinceUnixMs"/> (wall clock) for a new analysis that started at <see cref="RestartUnixMs"/> (device clock).</summary>
[GenerateSerializer, Immutable]
public readonly record struct UnconfirmedCondition([property: Id(0)] string Condition, [property: Id(1)] long SinceUnixMs, [property: Id(2)] long RestartUnixMs);

/// <summary>A condition that started while covered by its more severe form: what its alarm needs when it is raised later.</summary>
[GenerateSerializer, Immutable]
public readonly record struct CoveredOnset(
    [property: Id(0)] string Condition,
    [property: Id(1)] long OnsetUnixMs,
    [property: Id(2)] double? HeartRateBpm,
    [property: Id(3)] int BeatCount,
    [property: Id(4)] long IntervalMs,
    [property: Id(5)] long EvidenceArrivedUnixMs)
{
    public CoveredOnset(string condition, long onsetUnixMs, AlarmEvidence evidence, long evidenceArrivedUnixMs)
        : this(condition, onsetUnixMs, evidence.HeartRateBpm, evidence.BeatCount, evidence.IntervalMs, evidenceArrivedUnixMs) { }

    public AlarmEvidence Evidence => new(HeartRateBpm, BeatCount, IntervalMs);
}

[GenerateSerializer, Immutable]
public readonly record struct RecentOnset([property: Id(0)] string Condition, [property: Id(1)] long OnsetUnixMs);
