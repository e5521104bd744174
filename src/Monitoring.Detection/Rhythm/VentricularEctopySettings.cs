namespace Monitoring.Detection.Rhythm;

/// <summary>
/// Per-patient settings of the ventricular ectopy conditions, with the defaults and ranges Mindray documents for its
/// monitors: V-Tach 6 PVCs at 130 bpm (3 to 99 PVCs, 100 to 200 bpm), PVCs per minute 10 (1 to 100).
/// </summary>
public sealed record VentricularEctopySettings
{
    public int VtBeats { get; init; } = 6;
    public double VtRateBpm { get; init; } = 130;
    public int PvcsPerMinuteLimit { get; init; } = 10;

    public static VentricularEctopySettings Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (VtBeats is < 3 or > 99) throw new ArgumentException($"{nameof(VtBeats)} must be 3 to 99 PVCs.", nameof(VtBeats));
        if (VtRateBpm is < 100 or > 200) throw new ArgumentException($"{nameof(VtRateBpm)} must be 100 to 200 bpm.", nameof(VtRateBpm));
        if (PvcsPerMinuteLimit is < 1 or > 100) throw new ArgumentException($"{nameof(PvcsPerMinuteLimit)} must be 1 to 100.", nameof(PvcsPerMinuteLimit));
    }
}
