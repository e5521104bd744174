namespace Monitoring.Detection.Fibrillation;

/// <summary>
/// What <see cref="VentricularFibrillationDetector"/> measured on one analysis window of the waveform (band-passed
/// 1 to about 25 Hz): the evidence behind its decision.
/// </summary>
/// <param name="AmplitudeMv">Mean absolute amplitude (mV); a sine of peak A gives 0.64 A. Separates fibrillation from a flat line.</param>
/// <param name="Leakage">
/// Kuo and Dillman's VF-filter leakage: the share of the signal that survives adding the signal to itself shifted by
/// half its mean period. Near 0 for a sinusoid (flutter), about 0.3 to 0.6 for fibrillation, 0.7 and more for QRS complexes.
/// </param>
/// <param name="RatePerMinute">
/// Oscillations per minute, counted as crossings of a hysteresis band around the baseline; NaN when not measured,
/// because the other features had already ruled fibrillation out.
/// </param>
/// <param name="SlopeRatio">
/// Steepest slope of a typical second (median of the per-second maxima) over the mean absolute slope: 1.6 for a
/// sine, 2 to 4 for fibrillation, 6 and more when narrow QRS complexes are present.
/// </param>
/// <param name="Roughness">
/// Mean absolute slope before the 40 ms smoothing over the mean absolute slope after it: about 1 for fibrillatory
/// waves, which hold no energy above 15 Hz, and up to the smoothing length in samples (5) for broadband noise.
/// </param>
public readonly record struct FibrillationFeatures(double AmplitudeMv, double Leakage, double RatePerMinute, double SlopeRatio, double Roughness);
