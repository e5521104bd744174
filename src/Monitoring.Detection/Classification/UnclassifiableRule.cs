namespace Monitoring.Detection.Classification;

/// <summary>
/// When a complex that looks ventricular is called unclassifiable (EC57 class Q) instead: in noise, a real beat
/// distorted by electrode motion or muscle noise looks wider, larger or unlike the dominant beat, and a monitor that
/// calls it a PVC counts false PVCs and false runs. A beat whose shape cannot be told from the noise is Q (counted in
/// the heart rate, not as ectopy) when all hold:
/// <list type="bullet">
/// <item>the QRS detector's noise level was raised when it accepted the beat (at least <see cref="NoisyLevel"/>, see
/// <see cref="Qrs.QrsBeat.NoiseToQrsLevel"/>);</item>
/// <item>the ECG between the beats moves: the peak-to-peak amplitude of the stretch from 60 % of the RR interval (at
/// least 350 ms, past the T wave) to 200 ms before the next beat (before its P wave), before or after the beat, is at
/// least <see cref="BusyBaselineShare"/> of the dominant beat's QRS amplitude (clean ECG reads under 0.1 there);</item>
/// <item>its shape is new to the patient: fewer than <see cref="FamiliarMembers"/> complexes have matched it. A PVC
/// shape the patient keeps showing stays V in noise.</item>
/// </list>
/// Thresholds from the per-beat distributions of the beats called V on the shared mitdb (22 non-paced) and svdb
/// records and on mitdb with nstdb electrode-motion noise added at 12 and 6 dB (true PVCs lost / false ones removed:
/// mitdb 3 / 20, svdb 5 / 20, 12 dB 86 / 479, 6 dB 150 / 2,299). Fast rhythms leave no stretch to measure (under
/// 50 ms), so the beats of a run of VT are not judged by it.
/// </summary>
public static class UnclassifiableRule
{
    public const double NoisyLevel = 0.10;
    public const double BusyBaselineShare = 0.20;
    public const int FamiliarMembers = 5;

    /// <summary>The stretch between two beats that holds no P, QRS or T wave: from this share of the RR interval on.</summary>
    public const double QuietFromShare = 0.6;
    public const double QuietFromSeconds = 0.35, QuietUntilSecondsBefore = 0.2, ShortestQuietSeconds = 0.05;

    /// <summary>The first two conditions: the detector heard noise and the shape is new.</summary>
    /// <param name="noiseToQrsLevel">The detector's noise-to-QRS level when it accepted the complex.</param>
    /// <param name="shapeMembers">Complexes that have matched the complex's shape, itself included.</param>
    public static bool IsNoisyNewShape(double noiseToQrsLevel, int shapeMembers) =>
        noiseToQrsLevel >= NoisyLevel && shapeMembers < FamiliarMembers;

    /// <summary>The third: the ECG between the beats moves.</summary>
    /// <param name="baselineShare">Peak-to-peak of the stretch between beats over the dominant beat's QRS amplitude (NaN when unknown).</param>
    public static bool IsBusyBaseline(double baselineShare) => baselineShare >= BusyBaselineShare;
}
