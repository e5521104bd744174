namespace Monitoring.Detection.Qrs;

/// <summary>A detected QRS complex.</summary>
/// <param name="SampleIndex">Sample index of the R-wave fiducial point, counted from the first sample of the stream.</param>
/// <param name="EmittedAtSample">Index of the sample whose processing emitted the beat; minus <paramref name="SampleIndex"/> it is the detection latency.</param>
/// <param name="FoundBySearchBack">True when the beat was below the normal threshold and found by search-back after a long RR interval; such beats come late (up to about 1.5 RR intervals).</param>
/// <param name="NoiseToQrsLevel">The detector's noise level relative to its QRS level when it accepted the beat: the median of the last eight rejected peaks over the median of the last eight QRS peaks (slope energy). Clean ECG reads under about 0.15 (P and T waves); it nears 0.2 to 0.3 when noise peaks approach the size of the complexes.</param>
public readonly record struct QrsBeat(long SampleIndex, long EmittedAtSample, bool FoundBySearchBack, double NoiseToQrsLevel = 0);
