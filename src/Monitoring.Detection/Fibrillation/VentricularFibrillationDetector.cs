using Monitoring.Detection.Filters;
using Monitoring.Detection.Qrs;
using Monitoring.Detection.Rhythm;

namespace Monitoring.Detection.Fibrillation;

/// <summary>
/// Streaming detector of ventricular fibrillation and ventricular flutter (<see cref="RhythmCondition.VentricularFibrillation"/>),
/// judged from the waveform itself, not from QRS beats.
/// <para>
/// Clinical definitions: ventricular fibrillation is chaotic, disorganised ventricular activity with no discernible QRS
/// complexes, T waves or isoelectric baseline, an undulating waveform of varying amplitude and shape at roughly
/// 150 to 500 per minute. Ventricular flutter is a regular, sinusoidal, very wide waveform in which QRS and T can no
/// longer be told apart, at roughly 150 to 300 per minute. Both are shockable and lead to circulatory arrest.
/// </para>
/// <para>
/// Method: a small combination of published time-domain VF features, measured every second on the last
/// <see cref="WindowSeconds"/> seconds of the ECG band-passed to 1 to about 25 Hz and decimated to about 125 Hz
/// (<see cref="FibrillationFeatures"/>):
/// <list type="bullet">
/// <item>narrow band: the VF-filter leakage of Kuo and Dillman (1978), as evaluated by Amann et al. (2005);</item>
/// <item>no QRS complexes: the steep, narrow slopes of a QRS make the typical second's steepest slope many times the
/// mean slope, whereas a fibrillatory or flutter wave rises and falls evenly (a slope criterion in the spirit of the
/// QRS-absence tests of AED algorithms);</item>
/// <item>rate: oscillations counted as threshold crossings with hysteresis (the threshold-crossing family of Thakor et
/// al. 1990) within the clinical range, which rejects slow wide-complex rhythms and fast muscle noise;</item>
/// <item>smoothness: fibrillatory waves hold little energy above 15 Hz, broadband noise does;</item>
/// <item>amplitude: enough activity to exclude a flat line (asystole).</item>
/// </list>
/// A window meeting all five is fibrillatory. The condition starts at the end of the first such window (the event's
/// sample is the moment it is declared; the window before it holds the waveform that showed it) and ends when
/// <see cref="OffsetWindows"/> windows in a row are not fibrillatory.
/// </para>
/// <para>
/// The thresholds were chosen on the shared cudb records (fibrillation) and the shared mitdb records (everything
/// else), and checked on vfdb and nstdb; see the repository README for the figures.
/// </para>
/// Allocation-free after construction; one instance per lead.
/// </summary>
public sealed class VentricularFibrillationDetector
{
    /// <summary>Length of the analysed waveform: long enough to see several fibrillatory waves and the QRS of any rhythm.</summary>
    public const double WindowSeconds = 4.0;

    /// <summary>Non-fibrillatory windows in a row (one a second) that end the condition.</summary>
    public const int OffsetWindows = 3;

    /// <summary>Lowest amplitude read as fibrillation: mean absolute 0.04 mV, a sine of about 0.13 mV peak to peak.</summary>
    public const double MinAmplitudeMv = 0.04;

    /// <summary>Highest VF-filter leakage read as fibrillation.</summary>
    public const double MaxLeakage = 0.65;

    /// <summary>Highest slope ratio read as fibrillation (no narrow QRS complexes).</summary>
    public const double MaxSlopeRatio = 3.8;

    /// <summary>
    /// Highest roughness read as fibrillation: fibrillatory waves are smooth (about 1.0 to 2.5 on the shared records),
    /// broadband noise (white, muscle) is not (4 to 5).
    /// </summary>
    public const double MaxRoughness = 3.0;

    /// <summary>Lowest and highest oscillation rates read as fibrillation or flutter (per minute).</summary>
    public const double MinRatePerMinute = 150, MaxRatePerMinute = 500;

    private const double TargetRateHz = 125;
    private const double HighPassHz = 1.0;
    private const double SmoothingSeconds = 0.040;

    private readonly QrsDetectorSettings _settings;
    private readonly int _decimation;
    private readonly double _unitsPerSum;
    private Biquad _highPass;
    private MovingSum<double> _smoothing;
    private FibrillationWindow _window;
    private int _blockCount;
    private long _blockSum;
    private long _samplesProcessed;
    private long _blockEnd;
    private double _previousFiltered;
    private bool _started;
    private int _quietWindows;

    public VentricularFibrillationDetector(QrsDetectorSettings settings)
    {
        settings.Validate();
        _settings = settings;
        _decimation = Math.Max(1, (int)Math.Round(settings.SamplingRateHz / TargetRateHz));
        double rateHz = settings.SamplingRateHz / (double)_decimation;
        _unitsPerSum = 1.0 / (_decimation * settings.GainUnitsPerMv);
        _highPass = Biquad.HighPass(HighPassHz, rateHz);
        _smoothing = new MovingSum<double>(Math.Max(1, (int)Math.Round(SmoothingSeconds * rateHz)));
        int blockLength = (int)Math.Round(rateHz);
        _window = new FibrillationWindow(rateHz, blockLength, (int)Math.Round(WindowSeconds));
    }

    public QrsDetectorSettings Settings => _settings;

    public long SamplesProcessed => _samplesProcessed;

    /// <summary>
    /// Set by the caller while the beats are a regular run of narrow complexes shaped like the patient's dominant beat
    /// (a supraventricular tachycardia): at 200/min and more such a rhythm can meet the waveform criteria (its many QRS
    /// lower the steepest-over-mean slope), but it is not fibrillation or flutter, so no window counts as fibrillatory.
    /// </summary>
    public bool NarrowComplexRhythm { get; set; }

    /// <summary>True while ventricular fibrillation or flutter is declared.</summary>
    public bool IsFibrillating { get; private set; }

    /// <summary>The sample at which the condition last started or ended (0 before it ever started).</summary>
    public long ChangedAt { get; private set; }

    /// <summary>The measurements of the last window judged (default until the first window is full).</summary>
    public FibrillationFeatures LastFeatures { get; private set; }

    /// <summary>
    /// Takes the next chunk of the stream (any size) and reports the condition starting or ending. The onset event
    /// carries the oscillation rate (<see cref="RhythmEvent.HeartRateBpm"/>, per minute) and the window length in
    /// samples (<see cref="RhythmEvent.IntervalSamples"/>); the offset event the episode's duration in samples.
    /// </summary>
    public void Process<TSink>(ReadOnlySpan<short> samples, ref TSink sink) where TSink : IRhythmSink
    {
        // Per input sample only the decimation sum runs; locals keep it in registers.
        long blockSum = _blockSum, start = _samplesProcessed;
        int blockCount = _blockCount, decimation = _decimation;
        for (int i = 0; i < samples.Length; i++)
        {
            blockSum += samples[i];
            if (++blockCount < decimation) continue;
            _blockEnd = start + i + 1;
            OnDecimated(blockSum * _unitsPerSum, ref sink);
            blockSum = 0;
            blockCount = 0;
        }
        _samplesProcessed = start + samples.Length;
        _blockSum = blockSum;
        _blockCount = blockCount;
    }

    private void OnDecimated<TSink>(double millivolts, ref TSink sink) where TSink : IRhythmSink
    {
        if (!_started)
        {
            _highPass.SettleAt(millivolts);
            _started = true;
        }
        double filtered = _highPass.Step(millivolts);
        double smoothed = _smoothing.Push(filtered) / _smoothing.Length;
        if (_window.Push(smoothed, filtered - _previousFiltered) && _window.IsFull) Judge(ref sink);
        _previousFiltered = filtered;
    }

    private void Judge<TSink>(ref TSink sink) where TSink : IRhythmSink
    {
        FibrillationFeatures features = _window.Measure();
        if (HasFibrillatoryWaveform(features)) features = features with { RatePerMinute = _window.RatePerMinute(features.AmplitudeMv) };
        LastFeatures = features;
        bool fibrillatory = !NarrowComplexRhythm && HasFibrillatoryWaveform(features) && IsFibrillationRate(features.RatePerMinute);
        if (fibrillatory && !IsFibrillating)
        {
            IsFibrillating = true;
            ChangedAt = _blockEnd;
            sink.OnRhythmEvent(new RhythmEvent(RhythmCondition.VentricularFibrillation, true, _blockEnd,
                features.RatePerMinute, _window.Length * (long)_decimation));
        }
        _quietWindows = fibrillatory ? 0 : _quietWindows + 1;
        if (IsFibrillating && _quietWindows >= OffsetWindows)
        {
            IsFibrillating = false;
            sink.OnRhythmEvent(new RhythmEvent(RhythmCondition.VentricularFibrillation, false, _blockEnd,
                features.RatePerMinute, _blockEnd - ChangedAt));
            ChangedAt = _blockEnd;
        }
    }

    /// <summary>All criteria but the rate, which is measured only when these hold.</summary>
    private static bool HasFibrillatoryWaveform(in FibrillationFeatures features) =>
        features.AmplitudeMv >= MinAmplitudeMv
        && features.Leakage <= MaxLeakage
        && features.SlopeRatio <= MaxSlopeRatio
        && features.Roughness <= MaxRoughness;

    private static bool IsFibrillationRate(double ratePerMinute) => ratePerMinute is >= MinRatePerMinute and <= MaxRatePerMinute;
}
