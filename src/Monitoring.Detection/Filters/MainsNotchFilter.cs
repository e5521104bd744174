namespace Monitoring.Detection.Filters;

/// <summary>
/// Notch filter for mains interference (50 Hz in China and Europe, 60 Hz in the Americas), as bedside monitors apply
/// it: a second-order IIR notch (<see cref="Biquad.Notch"/>) about <see cref="BandwidthHz"/> wide, with unit gain at
/// DC. Hum of a few tenths of a millivolt otherwise reads as rough, fast activity: it hid the flutter of mitdb 207 from
/// the VF detector and cost PVC predictivity (see README). A QRS has little energy in so narrow a band. Works on raw
/// ADC samples, rounding the output back to them; the state is settled on the first sample so a stream's DC offset
/// does not ring. Allocation-free.
/// </summary>
internal sealed class MainsNotchFilter(double mainsFrequencyHz, int samplingRateHz)
{
    public const double BandwidthHz = 2.0;

    private Biquad _notch = Biquad.Notch(mainsFrequencyHz, BandwidthHz, samplingRateHz);
    private bool _started;

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
            _notch.SettleAt(input[0]);
        }
        Biquad notch = _notch;   // in a local for the loop, as the QRS filters do
        for (int i = 0; i < input.Length; i++)
            output[i] = (short)Math.Clamp(Math.Round(notch.Step(input[i])), short.MinValue, short.MaxValue);
        _notch = notch;
    }
}
