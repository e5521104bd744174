namespace Monitoring.Detection.Qrs;

/// <summary>A peak of the slope energy with the waveform features measured around it, awaiting a QRS-or-noise decision.</summary>
internal struct QrsCandidate
{
    /// <summary>Height of the slope-energy peak (mV/s).</summary>
    public double Energy;

    /// <summary>Sample index of the slope-energy peak.</summary>
    public long PeakIndex;

    /// <summary>Sample index (raw signal) of the largest band-passed deflection: the R-wave fiducial point.</summary>
    public long RIndex;

    /// <summary>Largest absolute slope of the band-passed signal in the complex (mV/s).</summary>
    public double MaxSlope;

    /// <summary>Largest absolute value of the band-passed signal in the complex (mV).</summary>
    public double Amplitude;

    /// <summary>
    /// Steepest slope over amplitude (1/s): how abrupt the complex is for its size. A QRS, conducted fast, is abrupt;
    /// a P wave, spreading slowly through the atria, is not.
    /// </summary>
    public readonly double Sharpness => Amplitude > 0 ? MaxSlope / Amplitude : 0;

    /// <summary>True when the complex rises without falling back (or falls without rising) within 150 ms: a baseline shift, not a QRS.</summary>
    public bool IsBaselineShift;
}
