namespace Monitoring.Detection.Filters;

/// <summary>
/// Second-order Butterworth high-pass (bilinear transform, RBJ cookbook form), designed for the stream's sampling rate.
/// Removes baseline wander and most of the P and T wave energy ahead of the QRS slope feature.
/// </summary>
internal struct HighPassBiquad
{
    private readonly double _b0, _b1, _b2, _a1, _a2;
    private double _x1, _x2, _y1, _y2;

    public HighPassBiquad(double cutoffHz, double samplingRateHz)
    {
        double w0 = 2 * Math.PI * cutoffHz / samplingRateHz;
        double cos = Math.Cos(w0);
        double alpha = Math.Sin(w0) / (2 * Math.Sqrt(0.5));
        double a0 = 1 + alpha;
        _b0 = (1 + cos) / 2 / a0;
        _b1 = -(1 + cos) / a0;
        _b2 = _b0;
        _a1 = -2 * cos / a0;
        _a2 = (1 - alpha) / a0;
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
        _y1 = _y2 = 0;
    }
}
