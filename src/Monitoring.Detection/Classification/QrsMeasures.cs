namespace Monitoring.Detection.Classification;

/// <summary>What <see cref="QrsWindow.Measure"/> reads off one complex (or a learned shape).</summary>
/// <param name="Width">
/// QRS width in window samples: the stretch around the steepest slope where the slope exceeds 15 % of it, dips up to
/// the gap bridged; 0 for a flat window.
/// </param>
/// <param name="PeakToPeak">Highest less lowest value.</param>
/// <param name="Area">Sum of absolute deviations from the window's mean.</param>
/// <param name="Sharpness">
/// Steepest slope per sample over the peak-to-peak amplitude (0 for a flat window). A ventricular complex, conducted
/// through the muscle rather than the conduction system, is larger and rises more slowly for its amplitude than a
/// conducted one.
/// </param>
internal readonly record struct QrsMeasures(double Width, double PeakToPeak, double Area, double Sharpness);
