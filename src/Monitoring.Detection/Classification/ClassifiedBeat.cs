namespace Monitoring.Detection.Classification;

/// <summary>A beat with its class and the evidence the class was decided on.</summary>
/// <param name="SampleIndex">R-wave fiducial point, as the QRS detector reported it.</param>
/// <param name="Class">EC57 class.</param>
/// <param name="RrBeforeSamples">Interval from the previous beat (0 for the first).</param>
/// <param name="RrAfterSamples">Interval to the next beat (0 when classified at the end of the stream).</param>
/// <param name="DominantCorrelation">Correlation of the QRS with the patient's dominant beat (1 = same shape).</param>
/// <param name="QrsWidthSeconds">Width of the QRS shape the beat belongs to.</param>
/// <param name="PWaveCorrelation">Correlation of the stretch before the QRS with the patient's sinus P wave (see
/// <see cref="PWaveShape"/>; 1 while that is still being learned), or NaN when not measured.</param>
public readonly record struct ClassifiedBeat(
    long SampleIndex,
    BeatClass Class,
    long RrBeforeSamples,
    long RrAfterSamples,
    double DominantCorrelation,
    double QrsWidthSeconds,
    double PWaveCorrelation = double.NaN);
