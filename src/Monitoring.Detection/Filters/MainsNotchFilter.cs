namespace Monitoring.Detection.Filters;

/// <summary>
/// Notch filter for mains interference (50 Hz in China and Europe, 60 Hz in the Americas), as bedside monitors apply
/// it: a second-order IIR notch (zeros on the unit circle at the mains frequency, poles just inside) about
/// <see cref="BandwidthHz"/> wide, with unit gain at DC. Hum of a few tenths of a millivolt otherwise reads as rough,
/// fast activity: it hid the flutter of mitdb 207 from the VF detector and cost PVC predictivity (see README). A QRS
/// has little energy in so narrow a band. Works on raw ADC samples, rounding the output back to them; the state is
/// settled on the first sample so a stream's DC offset does not ring. Allocation-free.
/// </summary>
internal sealed class MainsNotchFilter
{
    public const double BandwidthHz = 2.0;

    private readonly double _b0, _b1, _b2, _a1, _a2;
    private double _x1, _x2, _y1, _y2;
    private bool _started;

    public MainsNotchFilter(double mainsFrequencyHz, int samplingRateHz)
    {
        double w0 = 2 * Math.PI * mainsFrequencyHz / samplingRateHz, cos = Math.Cos(w0);
        double r = 1 - Math.PI * BandwidthHz / samplingRateHz;
        double a1 = -2 * r * cos, a2 = r * r;
        double gain = (1 + a1 + a2) / (2 - 2 * cos);   // unit gain at DC
        (_b0, _b1, _b2, _a1, _a2) = (gain, -2 * cos * gain, gain, a1, a2);
    }

    /// <summary>Whether a notch at <paramref name="mainsFrequencyHz"/> fits below the stream's Nyquist frequency.</summary>
    public static bool Applies(double mainsFrequencyHz, int samplingRateHz) =>
        mainsFrequencyHz > 0 && mainsFrequencyHz + 2 * BandwidthHz < samplingRateHz / 2.0;

    /// <summary>Filters <paramref name="input"/> into <paramref name="output"/> (the same length), continuing the stream.</summary>
    public void Filter(ReadOnlySpan<short> input, Span<short> output)
    {
        if (input.IsEmpty) return;
        if (!_started)
        {
            _started = true;
            _x1 = _x2 = _y1 = _y2 = input[0];
        }
        double x1 = _x1, x2 = _x2, y1 = _y1, y2 = _y2;
        for (int i = 0; i < input.Length; i++)
        {
            double x = input[i];
            double y = _b0 * x + _b1 * x1 + _b2 * x2 - _a1 * y1 - _a2 * y2;
            x2 = x1; x1 = x;
            y2 = y1; y1 = y;
            output[i] = (short)Math.Clamp(Math.Round(y), short.MinValue, short.MaxValue);
        }
        (_x1, _x2, _y1, _y2) = (x1, x2, y1, y2);
    }
}
