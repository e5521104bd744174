namespace Monitoring.Detection.Qrs;

/// <summary>
/// What the detector must know about one stream (one lead of one device), fixed for the stream's lifetime.
/// </summary>
/// <param name="SamplingRateHz">Samples per second, 100 to 1000.</param>
/// <param name="GainUnitsPerMv">ADC units per millivolt (WFDB "gain"; 200 for MIT-BIH).</param>
public readonly record struct QrsDetectorSettings(int SamplingRateHz, double GainUnitsPerMv)
{
    public const int MinSamplingRateHz = 100;
    public const int MaxSamplingRateHz = 1000;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> with a clear message when a value is outside what the detector supports.</summary>
    public void Validate()
    {
        if (SamplingRateHz < MinSamplingRateHz || SamplingRateHz > MaxSamplingRateHz)
            throw new ArgumentOutOfRangeException(nameof(SamplingRateHz), SamplingRateHz,
                $"Sampling rate must be between {MinSamplingRateHz} and {MaxSamplingRateHz} Hz.");
        if (!(GainUnitsPerMv > 0) || double.IsInfinity(GainUnitsPerMv))
            throw new ArgumentOutOfRangeException(nameof(GainUnitsPerMv), GainUnitsPerMv,
                "Gain must be a positive number of ADC units per millivolt.");
    }

    /// <summary>Converts a duration to a whole number of samples at this stream's rate (at least one).</summary>
    public int Samples(double seconds) => Math.Max(1, (int)Math.Round(seconds * SamplingRateHz));
}
