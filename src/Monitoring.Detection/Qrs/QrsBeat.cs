namespace Monitoring.Detection.Qrs;

/// <summary>A detected QRS complex.</summary>
/// <param name="SampleIndex">Sample index of the R-wave fiducial point, counted from the first sample of the stream.</param>
/// <param name="EmittedAtSample">Index of the sample whose processing emitted the beat; minus <paramref name="SampleIndex"/> it is the detection latency.</param>
/// <param name="FoundBySearchBack">True when the beat was below the normal threshold and found by search-back after a long RR interval; such beats come late (up to about 1.5 RR intervals).</param>
public readonly record struct QrsBeat(long SampleIndex, long EmittedAtSample, bool FoundBySearchBack);
