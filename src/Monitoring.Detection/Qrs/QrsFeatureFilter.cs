using Monitoring.Detection.Filters;

namespace Monitoring.Detection.Qrs;

/// <summary>
/// Turns raw ADC samples into the two signals QRS detection works on (after Pan and Tompkins, and Hamilton's OSEA):
/// <list type="bullet">
/// <item>the band-passed ECG in millivolts (two boxcar low-pass stages with their first zeros at 50 and 60 Hz, then a
/// 5 Hz Butterworth high-pass), kept in a ring for measuring slopes;</item>
/// <item>the low-passed ECG, kept in a ring for locating the R wave;</item>
/// <item>the slope energy: the mean absolute slope (mV/s) over an 80 ms moving window, whose peaks mark QRS complexes.</item>
/// </list>
/// Every length is derived from the sampling rate, so the same code serves 100 to 1000 Hz.
/// </summary>
internal struct QrsFeatureFilter
{
    private MovingSum<long> _lowPass1;
    private MovingSum<long> _lowPass2;
    private HighPassBiquad _highPass;
    private MovingSum<double> _slopeWindow;
    private readonly SampleRing _bandPass;
    private readonly SampleRing _lowPass;
    private readonly double _toMillivolts;
    private readonly double _slopePerSecond;
    private readonly double _meanSlopeScale;
    private readonly int _derivativeLag;
    private bool _started;

    public QrsFeatureFilter(in QrsDetectorSettings settings, double historySeconds)
    {
        int fs = settings.SamplingRateHz;
        // Boxcars with their first zeros at 50 and 60 Hz: both mains frequencies are nulled at any sampling rate.
        int length1 = Math.Max(2, (int)Math.Round(fs / 50.0));
        int length2 = Math.Max(2, (int)Math.Round(fs / 60.0));
        _lowPass1 = new MovingSum<long>(length1);
        _lowPass2 = new MovingSum<long>(length2);
        _highPass = new HighPassBiquad(5.0, fs);
        _derivativeLag = Math.Max(1, (int)Math.Round(0.010 * fs));
        int window = settings.Samples(0.080);
        _slopeWindow = new MovingSum<double>(window);
        _bandPass = new SampleRing(settings.Samples(historySeconds));
        _lowPass = new SampleRing(settings.Samples(historySeconds));
        _toMillivolts = 1.0 / ((double)length1 * length2 * settings.GainUnitsPerMv);
        _slopePerSecond = fs / (double)_derivativeLag;
        _meanSlopeScale = _slopePerSecond / window;
        LowPassDelay = (length1 + length2 - 2) / 2;
        SlopeWindowLength = window;
        DerivativeLag = _derivativeLag;
    }

    /// <summary>Group delay of the boxcar low-pass in samples: band-passed index minus this is the raw index.</summary>
    public int LowPassDelay { get; }

    public int SlopeWindowLength { get; }

    public int DerivativeLag { get; }

    public readonly SampleRing BandPass => _bandPass;

    /// <summary>The low-passed ECG in millivolts, baseline not removed, delayed by <see cref="LowPassDelay"/>: close to what a clinician sees.</summary>
    public readonly SampleRing LowPass => _lowPass;

    /// <summary>Slope between two band-passed samples <see cref="DerivativeLag"/> apart, in mV/s.</summary>
    public readonly double SlopeAt(long sampleIndex) =>
        (_bandPass[sampleIndex] - _bandPass[sampleIndex - _derivativeLag]) * _slopePerSecond;

    /// <summary>Filters sample <paramref name="sampleIndex"/> and returns its slope energy.</summary>
    public double Step(short sample, long sampleIndex)
    {
        if (!_started) Start(sample);
        long lowPassed = _lowPass2.Push(_lowPass1.Push(sample));
        double millivolts = lowPassed * _toMillivolts;
        _lowPass[sampleIndex] = millivolts;
        double bandPassed = _highPass.Step(millivolts);
        SampleRing ring = _bandPass;
        ring[sampleIndex] = bandPassed;
        double slope = bandPassed - ring[sampleIndex - _derivativeLag];
        return _slopeWindow.Push(Math.Abs(slope)) * _meanSlopeScale;
    }

    // Start in the steady state of the first sample, so a stream's DC offset does not look like a QRS.
    private void Start(short sample)
    {
        _started = true;
        _lowPass1.Fill(sample);
        _lowPass2.Fill((long)sample * _lowPass1.Length);
        _highPass.SettleAt((long)sample * _lowPass1.Length * _lowPass2.Length * _toMillivolts);
    }
}
