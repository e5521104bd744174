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
    /// <summary>
    /// Most samples filtered in one <see cref="Run"/>: the rings hold this much more than the history asked for, so
    /// filtering a block ahead of the decisions never overwrites what they still look back on.
    /// </summary>
    public const int BlockLength = 32;

    private MovingSum<long> _lowPass1;
    private MovingSum<long> _lowPass2;
    private Biquad _highPass;
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
        _highPass = Biquad.HighPass(5.0, fs);
        _derivativeLag = Math.Max(1, (int)Math.Round(0.010 * fs));
        int window = settings.Samples(0.080);
        _slopeWindow = new MovingSum<double>(window);
        _bandPass = new SampleRing(settings.Samples(historySeconds) + BlockLength);
        _lowPass = new SampleRing(settings.Samples(historySeconds) + BlockLength);
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

    /// <summary>
    /// Filters <paramref name="samples"/> (at most <see cref="BlockLength"/>; the first has stream index
    /// <paramref name="firstIndex"/>) and writes their slope energies to <paramref name="energies"/>.
    /// </summary>
    public void Run(ReadOnlySpan<short> samples, long firstIndex, Span<double> energies)
    {
        if (samples.Length > BlockLength) throw new ArgumentOutOfRangeException(nameof(samples));
        if (samples.IsEmpty) return;
        if (!_started) Start(samples[0]);
        // Locals for the loop: fields of a struct inside a class would go through memory on every sample.
        MovingSum<long> lowPass1 = _lowPass1, lowPass2 = _lowPass2;
        MovingSum<double> slopeWindow = _slopeWindow;
        Biquad highPass = _highPass;
        SampleRing lowPassRing = _lowPass, bandPassRing = _bandPass;
        double toMillivolts = _toMillivolts, meanSlopeScale = _meanSlopeScale;
        int lag = _derivativeLag;
        long n = firstIndex;
        for (int i = 0; i < samples.Length; i++, n++)
        {
            double millivolts = lowPass2.Push(lowPass1.Push(samples[i])) * toMillivolts;
            lowPassRing[n] = millivolts;
            double bandPassed = highPass.Step(millivolts);
            bandPassRing[n] = bandPassed;
            double slope = bandPassed - bandPassRing[n - lag];
            energies[i] = slopeWindow.Push(Math.Abs(slope)) * meanSlopeScale;
        }
        _lowPass1 = lowPass1;
        _lowPass2 = lowPass2;
        _slopeWindow = slopeWindow;
        _highPass = highPass;
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
