namespace Monitoring.Detection.Filters;

/// <summary>
/// Second-order IIR section (direct form I) designed for the stream's sampling rate: the Butterworth high-pass that
/// removes baseline wander and most of the P and T wave energy ahead of the QRS slope feature (bilinear transform, RBJ
/// cookbook form), or the notch that removes mains interference (<see cref="MainsNotchFilter"/>).
/// </summary>
internal struct Biquad
{
    private readonly double _b0, _b1, _b2, _a1, _a2, _dcGain;
    private double _x1, _x2, _y1, _y2;

    private Biquad(double b0, double b1, double b2, double a1, double a2, double dcGain) =>
        (_b0, _b1, _b2, _a1, _a2, _dcGain) = (b0, b1, b2, a1, a2, dcGain);

    /// <summary>Second-order Butterworth high-pass at <paramref name="cutoffHz"/>.</summary>
    public static Biquad HighPass(double cutoffHz, double samplingRateHz)
    {
        double w0 = 2 * Math.PI * cutoffHz / samplingRateHz;
        double cos = Math.Cos(w0);
        double alpha = Math.Sin(w0) / (2 * Math.Sqrt(0.5));
        double a0 = 1 + alpha;
        double b0 = (1 + cos) / 2 / a0;
        return new Biquad(b0, -(1 + cos) / a0, b0, -2 * cos / a0, (1 - alpha) / a0, dcGain: 0);
    }

    /// <summary>
    /// Notch at <paramref name="centerHz"/> about <paramref name="bandwidthHz"/> wide: zeros on the unit circle at the
    /// centre frequency, poles just inside, scaled to unit gain at DC.
    /// </summary>
    public static Biquad Notch(double centerHz, double bandwidthHz, double samplingRateHz)
    {
        double cos = Math.Cos(2 * Math.PI * centerHz / samplingRateHz);
        double r = 1 - Math.PI * bandwidthHz / samplingRateHz;
        double a1 = -2 * r * cos, a2 = r * r;
        double gain = (1 + a1 + a2) / (2 - 2 * cos);
        return new Biquad(gain, -2 * cos * gain, gain, a1, a2, dcGain: 1);
    }

    public double Step(double x)
    {
        double y = _b0 * x + _b1 * _x1 + _b2 * _x2 - _a1 * _y1 - _a2 * _y2;
        _x2 = _x1; _x1 = x;
        _y2 = _y1; _y1 = y;
        return y;
    }

    /// <summary>Puts the filter in the steady state of a constant input, so a stream's DC offset does not ring.</summary>
    public void SettleAt(double x)
    {
        _x1 = _x2 = x;
        _y1 = _y2 = _dcGain * x;
    }
}
