using Monitoring.Detection.Filters;
using Monitoring.Detection.Pacing;
using Monitoring.Detection.Qrs;

namespace Monitoring.Detection.Classification;

/// <summary>
/// Classifies each detected beat as N, S, V (EC57 classes) from its shape and its timing, learning the patient's
/// dominant beat online; a would-be V beat is Q in noise (<see cref="UnclassifiableRule"/>) or F when its shape is part
/// dominant beat, part PVC (<see cref="FusionRule"/>), and in a patient set as paced a wide beat that comes on time is
/// paced (<see cref="PacedRule"/>):
/// <list type="bullet">
/// <item>Shape: the complex (100 ms before to 150 ms after the fiducial point, on the ECG band-limited to about
/// 0.5-20 Hz) is matched against the shapes learned so far (<see cref="QrsShapes"/>); the most frequent shape is the
/// dominant beat, normally conducted.</item>
/// <item>V: a shape wider than the dominant beat by more than 20 ms (QRS width measured on the shape, see
/// <see cref="QrsMeasures.Width"/>), unless it is nearly the same shape (correlation 0.97 or more); a shape that still
/// resembles the dominant one (correlation 0.5 or more) counts as wider only once 3 complexes have matched it, so a
/// single noisy complex does not make a PVC. Or, in a regular rhythm, premature and very unlike the dominant beat
/// (correlation under 0.5), or premature, somewhat unlike it (under 0.8) and not narrower. In an irregular rhythm
/// (atrial fibrillation), where every other beat looks early, a complex of nearly opposite shape (correlation under
/// 0.2) is V whatever its timing. And, whatever its width and timing, a complex of at least twice the dominant beat's
/// area that is blunter for its size (sharpness at most 0.8 of the dominant beat's, see <see cref="QrsMeasures.Sharpness"/>)
/// and not nearly the same shape (correlation under 0.97): the PVCs that are not wider in this lead, or come late.</item>
/// <item>S: a beat shaped like the dominant beat (or unlike it but not wide) that comes early: RR under 85 % of the
/// recent normal RR (median of the intervals between normal beats), and under 80 % or followed by a pause. In an
/// irregular rhythm (atrial fibrillation: more than 45 % of the last 32 intervals irregular once repeating patterns are
/// allowed for, see <see cref="RhythmPattern"/>) prematurity alone does not make an S beat, unless at least 70 % of
/// the recent beats showed the sinus P wave (<see cref="SinusPWaveWindow"/>: sinus rhythm with atrial ectopy, not AF)
/// and the beat comes under 60 % of the normal RR; atrial bigeminy and trigeminy are patterns, not irregularity. A beat only a little early (RR under 90 %), followed by a pause (the two
/// intervals over 1.9 normal RR) is S too when the stretch where its P wave should be does not look like the patient's
/// sinus P wave (correlation under 0.3, see <see cref="PWaveShape"/>). A run of beats called S on their timing that show
/// the sinus P wave is sinus rhythm at a new rate, and its beats are N (<see cref="SinusRateChange"/>).</item>
/// <item>Aberrant conduction: an early beat called V on its shape is S when most early beats of that shape reset the
/// sinus rhythm instead of leaving a compensatory pause (<see cref="AberrantConductionRule"/>).</item>
/// </list>
/// A beat is classified when the next one arrives, since the pause after it is part of the evidence. Then, too, a
/// complex the detector took for a beat in noise may be judged a noise complex (<see cref="NoiseComplexRule"/>): it is
/// left out, counted in <see cref="NoiseComplexes"/>, and the next beat's RR interval runs from the beat before it. Call
/// <see cref="Process"/> with each chunk (of at most a second) before giving the detector the same chunk, then
/// <see cref="OnBeat{TSink}"/> for each beat and <see cref="Drain{TSink}"/>. Allocation-free after construction.
/// </summary>
public sealed class BeatClassifier
{
    private const double BeforeSeconds = 0.10, AfterSeconds = 0.15, MaxLagSeconds = 0.016;
    private const int AnalysisRateHz = 180;
    private const double WiderSeconds = 0.020, WidthGapSeconds = 0.065;
    private const double OppositeCorrelation = 0.2, UnlikeCorrelation = 0.5, SomewhatUnlikeCorrelation = 0.8;
    private const double LikeCorrelation = 0.9, WideButLikeCorrelation = 0.97;
    private const int EstablishedMembers = 3;
    private const double PrematureRatio = 0.85, StronglyPrematureRatio = 0.80, PauseAfterRatio = 1.7;
    private const double IrregularRhythm = 0.7;
    // Measured on the shared mitdb (22 non-paced) and svdb (39) records together: 0.40 / 0.45 / 0.50 give mitdb SVEB
    // 75.1 / 80.6, 76.6 / 75.0, 78.0 / 70.3 and svdb 54.3 / 64.9, 65.0 / 64.0, 69.9 / 59.3 (Se / +P).
    private const double PatternIrregularRhythm = 0.45;
    // PVCs missed as N are typically twice the dominant beat's area and 0.6 of its sharpness, false V beats smaller
    // and sharper (medians over both databases); 1.8 / 2.0 gained 48 / 36 mitdb and 50 / 63 svdb PVCs for 17 / 6 and
    // 14 / 12 false ones (per-beat replay), measured VEB +P falling 0.57 / 0.14 on mitdb with 1.8, so 2.0.
    private const double LargerAreaRatio = 2.0, BlunterSharpnessRatio = 0.8;
    private const double OnTimeFrom = 0.92, OnTimeTo = 1.10, PWaveLearningCorrelation = 0.95;
    // A beat only a little early (RR under 90 % of the normal RR) followed by a pause (the two intervals over 1.9 normal
    // RR) is S when its P wave is not the sinus one (correlation under 0.3). mitdb SVEB Se / +P with 0.90, 1.9 and
    // 0.0 / 0.2 / 0.3: 78.30 / 74.79, 79.19 / 74.53, 79.53 / 74.45; svdb 66.23 / 63.73, 67.10 / 63.59, 67.24 / 63.36
    // (76.62 / 75.27 and 64.96 / 64.22 without); 0.92 or a pause of 1.8 lose more +P for little Se.
    private const double SlightlyEarlyRatio = 0.90, SlightlyEarlyPauseRatio = 1.9, OtherPWaveCorrelation = 0.3;
    // An irregular rhythm where at least this share of the recent beats shows the sinus P wave is sinus rhythm with
    // atrial ectopy, not atrial fibrillation: there a markedly early beat (RR under this ratio) is S again, as sinus
    // arrhythmia does not shorten a cycle that much.
    private const double SinusRhythmPWaveShare = 0.7, MarkedlyPrematureRatio = 0.6;
    // A shape with under this share of early beats (over ConductedShapeBeats at least) is one of the patient's
    // conducted beats (another axis with respiration, a rate-related conduction change): its early beats are not V for
    // being unlike the dominant beat (wider ones still are). Replayed
    // per shape on the shared mitdb (22) and svdb (39) records: 0.1 turns 10 false PVCs of mitdb (108: 7, 207: 2,
    // 114: 1) into N or S and no PVC; 0.2-0.3 gain 2 more and lose 1-2 PVCs of svdb 891.
    private const double ConductedShapeEarlyShare = 0.1;
    internal const int ConductedShapeBeats = 10;

    private readonly bool _pacedPatient;
    private readonly ShapeTiming _pacedTiming = new();
    // Per shape: its early beats (after a normal one, in sinus rhythm) whose pause reset the rhythm; its beats that came early.
    private readonly ShapeTally _resetPauses = new(), _earlyBeats = new();
    private readonly RecentMarks? _pacePulses;
    private readonly long _pulseBefore, _pulseAfter;
    private readonly int _samplingRateHz, _decimation, _interpolation, _before, _windowLength, _maxLag, _centroidReach, _widthGap;
    private readonly double _analysisRateHz, _toMillivolts, _highPassPole;
    private MovingSum<long> _lowPass;
    private readonly SampleRing _signal;
    private readonly QrsShapes _shapes;
    private readonly float[] _window;
    // Intervals between two normal beats, between any two beats, and between two beats shaped like the dominant one.
    private RecentIntervals _normalRr = new(), _allRr = new(), _dominantRr = new();
    private readonly RhythmPattern _pattern = new();
    private double _highPassState, _previousInput;
    private bool _started;
    private long _next;

    // Beats whose shape waits for the signal after them (a few at most: beats come at most 450 ms late).
    private readonly QrsBeat[] _awaiting = new QrsBeat[8];
    private int _awaitingFirst, _awaitingCount;

    // The beat waiting for the next one.
    private bool _pending, _pendingFoundBySearchBack;
    private long _pendingSample, _pendingRrBefore;
    private int _pendingShape;
    private double _pendingDominantCorrelation, _pendingNoiseToQrsLevel, _pendingLikeness, _pendingHeightRatio;
    private double _pendingAreaRatio = 1, _pendingSharpnessRatio = 1, _pendingPWaveCorrelation = 1;
    private readonly PWaveShape _pWave = new();
    private readonly SinusPWaveWindow _sinusPWaves = new();
    private readonly SinusRateChange _sinusRateChange;
    private BeatClass _lastClass = BeatClass.Normal;

    private readonly long[] _recentNoise = new long[16];
    private int _recentNoiseCount;

    // The last beat emitted.
    private bool _emitted;
    private long _emittedSample, _emittedRrBefore;
    private int _emittedShape;
    private double _emittedDominantCorrelation, _emittedLikeness;

    /// <param name="settings">The stream's sampling rate and gain.</param>
    /// <param name="pacedPatient">The patient has a pacemaker: wide beats that are not premature are paced (see <see cref="PacedRule"/>).</param>
    /// <param name="pacePulses">The pacemaker pulses the device reports, in a paced patient: a beat just after one is paced.</param>
    public BeatClassifier(QrsDetectorSettings settings, bool pacedPatient = false, RecentMarks? pacePulses = null)
    {
        settings.Validate();
        _pacedPatient = pacedPatient;
        _pacePulses = pacedPatient ? pacePulses : null;
        _pulseBefore = settings.Samples(PacedRule.PulseBeforeQrsSeconds);
        _pulseAfter = settings.Samples(PacedRule.PulseAfterQrsSeconds);
        _samplingRateHz = settings.SamplingRateHz;
        _sinusRateChange = new SinusRateChange(settings.SamplingRateHz);
        // Shapes are compared at an analysis rate of at least 180 Hz: a faster stream's rate divided by a whole number,
        // so the cost per beat stays bounded at high rates, a slower one's multiplied by a whole number (linear
        // interpolation), so that widths and alignment keep a resolution of about 5 ms on a 100 or 128 Hz stream.
        _decimation = Math.Max(1, settings.SamplingRateHz / AnalysisRateHz);
        _interpolation = (AnalysisRateHz + settings.SamplingRateHz - 1) / settings.SamplingRateHz;
        double rate = _analysisRateHz = settings.SamplingRateHz * _interpolation / (double)_decimation;
        _before = (int)Math.Round(BeforeSeconds * rate);
        _windowLength = _before + (int)Math.Round(AfterSeconds * rate) + 1;
        _maxLag = Math.Max(1, (int)Math.Round(MaxLagSeconds * rate));
        _window = new float[_windowLength + 2 * _maxLag];
        _centroidReach = settings.Samples(0.1);
        _widthGap = Math.Max(1, (int)Math.Round(WidthGapSeconds * rate));
        _shapes = new QrsShapes(_windowLength, _maxLag, clearlyNarrower: WiderSeconds / 2 * rate, widthGap: _widthGap);
        _lowPass = new MovingSum<long>(Math.Max(1, (int)Math.Round(settings.SamplingRateHz / 50.0)));
        _toMillivolts = 1.0 / (_lowPass.Length * settings.GainUnitsPerMv);
        _highPassPole = Math.Exp(-2 * Math.PI * 0.5 / settings.SamplingRateHz);
        // Holds a beat's window from its start until the signal after it (and a chunk's worth more) has arrived.
        _signal = new SampleRing(settings.Samples(QrsDetector.HardMaxLatencySeconds + 2.5));
    }

    /// <summary>Keeps the recent signal; call with every chunk, before the detector gets it.</summary>
    public void Process(ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty) return;
        if (!_started)
        {
            _started = true;
            _lowPass.Fill(samples[0]);
            _previousInput = samples[0] * _lowPass.Length * _toMillivolts;
        }
        // Per sample; the filter state lives in locals for the loop (fields would be reloaded after every ring store).
        MovingSum<long> lowPass = _lowPass;
        SampleRing signal = _signal;
        double toMillivolts = _toMillivolts, pole = _highPassPole, state = _highPassState, previous = _previousInput;
        long next = _next;
        foreach (short sample in samples)
        {
            double x = lowPass.Push(sample) * toMillivolts;
            state = pole * (state + x - previous);
            previous = x;
            signal[next++] = state;
        }
        _lowPass = lowPass;
        _highPassState = state;
        _previousInput = previous;
        _next = next;
    }

    /// <summary>
    /// Takes the next beat of the detector. Its shape is measured as soon as the signal after it has arrived (see
    /// <see cref="Drain{TSink}"/>); then the beat before it is emitted, classified.
    /// </summary>
    public void OnBeat<TSink>(in QrsBeat beat, ref TSink sink) where TSink : IBeatSink
    {
        if (_awaitingCount == _awaiting.Length) MeasureShape(_awaiting[Dequeue()], ref sink);
        _awaiting[(_awaitingFirst + _awaitingCount++) % _awaiting.Length] = beat;
        Drain(ref sink);
    }

    /// <summary>Measures the shapes of the beats whose window the signal now covers; call after each <see cref="Process"/>.</summary>
    public void Drain<TSink>(ref TSink sink) where TSink : IBeatSink
    {
        while (_awaitingCount > 0 && WindowEnd(_awaiting[_awaitingFirst].SampleIndex) < _next)
        {
            MeasureShape(_awaiting[Dequeue()], ref sink);
        }
    }

    private static bool LooksDominant(double dominantCorrelation) => dominantCorrelation >= SomewhatUnlikeCorrelation;

    private int Dequeue()
    {
        int index = _awaitingFirst;
        _awaitingFirst = (_awaitingFirst + 1) % _awaiting.Length;
        _awaitingCount--;
        return index;
    }

    /// <summary>The last stored sample the window of a beat may need (its slope centroid may lie 100 ms after it).</summary>
    private long WindowEnd(long fiducial) =>
        fiducial + (_lowPass.Length - 1) / 2 + _centroidReach + StreamOffset(_windowLength - _before + _maxLag) + 1;

    private void MeasureShape<TSink>(in QrsBeat beat, ref TSink sink) where TSink : IBeatSink
    {
        long fiducial = beat.SampleIndex;
        long center = SlopeCentroid(fiducial + (_lowPass.Length - 1) / 2);
        FillWindow(center);
        int shape = _shapes.Classify(_window, out _, out double dominantCorrelation);
        if (_shapes.Members(shape) == 1)   // a new shape in this slot
        {
            _pacedTiming.Forget(shape);
            _resetPauses.Forget(shape);
            _earlyBeats.Forget(shape);
        }
        // The complex's own width and height against the dominant beat's, for the noise-complex rule.
        ReadOnlySpan<float> complex = _window.AsSpan(_maxLag, _windowLength);
        QrsMeasures measures = QrsWindow.Measure(complex, _widthGap);
        QrsMeasures dominantMeasures = _shapes.Dominant >= 0 ? _shapes.Measures(_shapes.Dominant) : default;
        double likeness = NoiseComplexRule.Likeness(dominantCorrelation, Ratio(measures.Width, dominantMeasures.Width, otherwise: 0));
        double pWaveCorrelation = MeasurePWave(center, fiducial, dominantCorrelation);

        if (_pending)
        {
            if (IsNoise(fiducial - _pendingSample, likeness)) OnNoiseComplex(_pendingSample);
            else Emit(fiducial - _pendingSample, ref sink);
        }
        _pendingRrBefore = _emitted ? fiducial - _emittedSample : 0;
        _pending = true;
        _pendingSample = fiducial;
        _pendingShape = shape;
        _pendingDominantCorrelation = dominantCorrelation;
        _pendingNoiseToQrsLevel = beat.NoiseToQrsLevel;
        _pendingLikeness = likeness;
        _pendingHeightRatio = Ratio(measures.PeakToPeak, dominantMeasures.PeakToPeak, otherwise: 0);
        _pendingFoundBySearchBack = beat.FoundBySearchBack;
        // Area and sharpness against the dominant beat's; 1 (no evidence) before there is one.
        _pendingAreaRatio = Ratio(measures.Area, dominantMeasures.Area, otherwise: 1);
        _pendingSharpnessRatio = Ratio(measures.Sharpness, dominantMeasures.Sharpness, otherwise: 1);
        _pendingPWaveCorrelation = pWaveCorrelation;
    }

    /// <summary>
    /// Correlation of the stretch before the complex with the patient's sinus P wave (<see cref="PWaveShape"/>), which
    /// learns from complexes shaped like the dominant beat (correlation 0.95 or more) that come on time (RR 92-110 % of
    /// the normal RR).
    /// </summary>
    private double MeasurePWave(long center, long fiducial, double dominantCorrelation)
    {
        Span<float> segment = _pWave.Segment;
        long from = center - (long)Math.Round(PWaveShape.FromSeconds * _samplingRateHz);
        double step = (PWaveShape.FromSeconds - PWaveShape.ToSeconds) * _samplingRateHz / PWaveShape.Length;
        for (int i = 0; i < segment.Length; i++) segment[i] = (float)_signal[from + (long)(i * step)];
        double normalRr = NormalRr();
        long rr = _pending ? fiducial - _pendingSample : 0;
        bool onTime = normalRr > 0 && rr > OnTimeFrom * normalRr && rr < OnTimeTo * normalRr;
        return _pWave.Measure(learn: onTime && dominantCorrelation >= PWaveLearningCorrelation);
    }

    /// <summary>
    /// Fills the window with the filtered signal around stream sample <paramref name="center"/>, at the analysis rate:
    /// every <see cref="_decimation"/>-th stream sample, or between two of them on a slower stream. Walks the stream
    /// position in whole samples and fractions, so that no sample costs a division.
    /// </summary>
    private void FillWindow(long center)
    {
        long scaled = (long)-(_before + _maxLag) * _decimation;
        long whole = (scaled - _interpolation + 1) / _interpolation;   // rounded down (scaled is negative)
        long k = center + whole, fraction = scaled - whole * _interpolation;
        float[] window = _window;
        SampleRing signal = _signal;
        int interpolation = _interpolation, decimation = _decimation;
        for (int i = 0; i < window.Length; i++)
        {
            double value = signal[k];
            window[i] = (float)(fraction == 0 ? value : value + (signal[k + 1] - value) * fraction / interpolation);
            fraction += decimation;
            while (fraction >= interpolation)
            {
                fraction -= interpolation;
                k++;
            }
        }
    }

    /// <summary>How many stream samples span <paramref name="analysisSamples"/> analysis samples (rounded up).</summary>
    private long StreamOffset(int analysisSamples) => ((long)analysisSamples * _decimation + _interpolation - 1) / _interpolation;

    private static double Ratio(double value, double dominantValue, double otherwise) => dominantValue > 0 ? value / dominantValue : otherwise;

    /// <summary>Complexes the detector reported that were judged noise (<see cref="NoiseComplexRule"/>) and not emitted.</summary>
    public long NoiseComplexes { get; private set; }

    /// <summary>
    /// The noise complexes judged since <see cref="ClearRecentNoiseComplexes"/>, so that what already counted them
    /// as beats (the heart rate) can take them back. Holds the last <c>16</c>; a caller clears it at least once a
    /// second, and at most five complexes a second pass the detector's refractory period.
    /// </summary>
    internal ReadOnlySpan<long> RecentNoiseComplexes => _recentNoise.AsSpan(0, _recentNoiseCount);

    internal void ClearRecentNoiseComplexes() => _recentNoiseCount = 0;

    private void OnNoiseComplex(long sampleIndex)
    {
        NoiseComplexes++;
        if (_recentNoiseCount < _recentNoise.Length) _recentNoise[_recentNoiseCount++] = sampleIndex;
    }

    /// <summary>Whether the pending complex is noise, now that the next one (its interval and shape) is known.</summary>
    private bool IsNoise(long rrAfter, double nextLikeness)
    {
        // The cheap tests first: in clean signal the noise level ends it.
        if (!_emitted || _pendingNoiseToQrsLevel < NoiseComplexRule.NoisyLevel || _allRr.Count < RecentIntervals.Capacity / 2) return false;
        bool repeatsPreviousShape = _pendingShape == _emittedShape && _shapes.Members(_pendingShape) >= EstablishedMembers;
        // The rhythm's pace from beats shaped like the dominant one: noise complexes left in shorten it less.
        double recentRr = _dominantRr.Count >= RecentIntervals.Capacity / 2 ? _dominantRr.Median : _allRr.Median;
        if (_pendingFoundBySearchBack && !repeatsPreviousShape && NoiseComplexRule.IsSearchBackNoise(_pendingNoiseToQrsLevel,
            _pendingDominantCorrelation, _pendingHeightRatio, _pendingRrBefore, rrAfter, recentRr)) return true;
        if (_dominantRr.Irregularity() > NoiseComplexRule.IrregularRhythm) return false;
        return NoiseComplexRule.IsNoise(_pendingNoiseToQrsLevel, _pendingDominantCorrelation, _pendingLikeness, _emittedLikeness,
            nextLikeness, _emittedRrBefore, _pendingRrBefore, rrAfter, recentRr, _allRr.Median, repeatsPreviousShape);
    }

    /// <summary>
    /// Where the complex's slopes are centred: the mean time weighted by squared slope within ±100 ms of the
    /// detector's fiducial point. The fiducial point may sit on the R wave of one beat and the S wave of the next;
    /// the centroid does not jump, so the same shape lines up the same way every time.
    /// </summary>
    private long SlopeCentroid(long fiducial)
    {
        long from = fiducial - _centroidReach, to = fiducial + _centroidReach;
        double weightedTime = 0, weight = 0;
        for (long i = from + 1; i <= to; i++)
        {
            double slope = _signal[i] - _signal[i - 1];
            double w = slope * slope;
            weightedTime += w * (i - fiducial);
            weight += w;
        }
        return weight > 0 ? fiducial + (long)Math.Round(weightedTime / weight) : fiducial;
    }

    /// <summary>Emits the last beat at the end of the stream, without the interval after it.</summary>
    public void Flush<TSink>(ref TSink sink) where TSink : IBeatSink
    {
        while (_awaitingCount > 0) MeasureShape(_awaiting[Dequeue()], ref sink);
        if (_pending) Emit(0, ref sink);
        _pending = false;
    }

    private void Emit<TSink>(long rrAfter, ref TSink sink) where TSink : IBeatSink
    {
        double width = _shapes.Measures(_pendingShape).Width / _analysisRateHz;
        BeatClass beatClass = JudgeAberrant(Decide(rrAfter, width), rrAfter);
        double normalRr = NormalRr();
        if (normalRr > 0 && _pendingRrBefore > 0) _earlyBeats.Add(_pendingShape, IsPremature(normalRr));
        if (_sinusRateChange.IsRhythm(beatClass, _pendingPWaveCorrelation, _pendingRrBefore)) beatClass = BeatClass.Normal;
        if (_pacedPatient) beatClass = JudgePaced(beatClass, width);
        // In noise a distorted beat of a shape not seen before cannot be told from the noise (cheap tests first).
        if (beatClass == BeatClass.Ventricular
            && UnclassifiableRule.IsNoisyNewShape(_pendingNoiseToQrsLevel, _shapes.Members(_pendingShape))
            && UnclassifiableRule.IsBusyBaseline(BaselineShare(rrAfter))) beatClass = BeatClass.Unclassifiable;
        // Part normal, part ventricular: a fusion beat.
        if (beatClass == BeatClass.Ventricular && FusionRule.IsFusion(_shapes.Mixture(_pendingShape))) beatClass = BeatClass.Fusion;
        if (_pendingRrBefore > 0)
        {
            _allRr.Add(_pendingRrBefore);
            _pattern.Add(_pendingRrBefore);
            if (beatClass.IsRhythmBeat() && _lastClass.IsRhythmBeat()) _normalRr.Add(_pendingRrBefore);
            if (LooksDominant(_pendingDominantCorrelation) && LooksDominant(_emittedDominantCorrelation)) _dominantRr.Add(_pendingRrBefore);
        }
        if (beatClass is BeatClass.Normal or BeatClass.Supraventricular) _sinusPWaves.Add(_pendingPWaveCorrelation, _pendingSample);
        _lastClass = beatClass;
        _emitted = true;
        _emittedSample = _pendingSample;
        _emittedRrBefore = _pendingRrBefore;
        _emittedShape = _pendingShape;
        _emittedDominantCorrelation = _pendingDominantCorrelation;
        _emittedLikeness = _pendingLikeness;
        sink.OnClassifiedBeat(new ClassifiedBeat(_pendingSample, beatClass, _pendingRrBefore, rrAfter, _pendingDominantCorrelation, width,
            _pendingPWaveCorrelation));
    }

    /// <summary>
    /// Whether the pending beat, <paramref name="decided"/> V, is an atrial beat conducted with aberration (see
    /// <see cref="AberrantConductionRule"/>); counts the pause of every early beat after a normal one in sinus rhythm, and
    /// judges every early beat, in any rhythm: a shape shown to be aberrant stays so (Ashman beats in atrial fibrillation).
    /// </summary>
    private BeatClass JudgeAberrant(BeatClass decided, long rrAfter)
    {
        double normalRr = NormalRr();
        bool early = IsPremature(normalRr);
        bool sinusRhythm = _pattern.Irregularity <= PatternIrregularRhythm || _sinusPWaves.Share >= SinusRhythmPWaveShare;
        if (!early) return decided;
        if (_lastClass == BeatClass.Normal && sinusRhythm) _resetPauses.Add(_pendingShape, AberrantConductionRule.IsResetPause(_pendingRrBefore, rrAfter, normalRr));
        return decided == BeatClass.Ventricular
            && AberrantConductionRule.IsAberrant(_resetPauses.Share(_pendingShape, AberrantConductionRule.JudgedBeats, untilCounted: 0))
            ? BeatClass.Supraventricular : decided;
    }

    /// <summary>In a paced patient, whether the pending wide beat is paced rather than <paramref name="decided"/> (see <see cref="PacedRule"/>).</summary>
    private BeatClass JudgePaced(BeatClass decided, double width)
    {
        if (_pacePulses is not null && _pacePulses.AnyWithin(_pendingSample - _pulseBefore, _pendingSample + _pulseAfter)) return BeatClass.Paced;
        double rhythmRr = NormalRr();
        bool paced = PacedRule.IsPaced(decided, width, _pendingRrBefore, rhythmRr, _pacedTiming.PrematureShare(_pendingShape));
        _pacedTiming.Add(_pendingShape, decided, width, _pendingRrBefore, rhythmRr);
        return paced ? BeatClass.Paced : decided;
    }

    /// <summary>
    /// How much the ECG moves between beats around the pending one: the larger peak-to-peak amplitude of the stretches
    /// before and after it that hold no P, QRS or T wave (see <see cref="UnclassifiableRule"/>), over the dominant
    /// beat's QRS amplitude; NaN when neither stretch is long enough or there is no dominant beat yet.
    /// </summary>
    private double BaselineShare(long rrAfter)
    {
        double dominantPeakToPeak = _shapes.Dominant >= 0 ? _shapes.Measures(_shapes.Dominant).PeakToPeak : 0;
        if (dominantPeakToPeak <= 0) return double.NaN;
        double before = _emitted ? QuietPeakToPeak(_emittedSample, _pendingSample) : double.NaN;
        double after = rrAfter > 0 ? QuietPeakToPeak(_pendingSample, _pendingSample + rrAfter) : double.NaN;
        double larger = double.IsNaN(before) ? after : double.IsNaN(after) ? before : Math.Max(before, after);
        return larger / dominantPeakToPeak;
    }

    /// <summary>Peak-to-peak of the stretch between two beats past the first one's T wave and before the second one's P wave.</summary>
    private double QuietPeakToPeak(long beat, long nextBeat)
    {
        long rr = nextBeat - beat;
        long from = beat + Math.Max((long)(UnclassifiableRule.QuietFromShare * rr), (long)(UnclassifiableRule.QuietFromSeconds * _samplingRateHz));
        long to = nextBeat - (long)(UnclassifiableRule.QuietUntilSecondsBefore * _samplingRateHz);
        from = Math.Max(from, _next - _signal.Capacity + 1);   // what the ring still holds
        if (to - from < UnclassifiableRule.ShortestQuietSeconds * _samplingRateHz) return double.NaN;
        double min = double.MaxValue, max = double.MinValue;
        for (long i = from; i <= to; i++)
        {
            double v = _signal[i];
            if (v < min) min = v;
            if (v > max) max = v;
        }
        return max - min;
    }

    private BeatClass Decide(long rrAfter, double width)
    {
        int dominant = _shapes.Dominant;
        double dominantWidth = _shapes.Measures(dominant).Width / _analysisRateHz;
        double normalRr = NormalRr();
        bool premature = IsPremature(normalRr);
        bool stronglyPremature = premature && _pendingRrBefore < StronglyPrematureRatio * normalRr;
        bool pauseAfter = rrAfter > 0 && _pendingRrBefore + rrAfter > PauseAfterRatio * normalRr;
        bool irregular = _allRr.Irregularity() > IrregularRhythm;
        // Early beats are S only where the rhythm is regular once its repeating patterns (bigeminy, trigeminy, isolated
        // early beats) are allowed for, or irregular but with the sinus P wave on most beats: not in atrial fibrillation.
        bool regularPattern = _pattern.Irregularity <= PatternIrregularRhythm;
        bool sinusWithEctopy = _sinusPWaves.Share >= SinusRhythmPWaveShare && _pendingRrBefore < MarkedlyPrematureRatio * normalRr;
        bool supraventricularTiming = premature && (regularPattern || sinusWithEctopy) && (stronglyPremature || pauseAfter);

        // Much larger and blunter than the dominant beat, and not the same shape: ventricular, whatever its width and
        // timing (a PVC may be as narrow as the dominant beat in this lead, and late).
        bool largeAndBlunt = _pendingAreaRatio >= LargerAreaRatio && _pendingSharpnessRatio <= BlunterSharpnessRatio
            && _pendingDominantCorrelation < WideButLikeCorrelation;
        if (largeAndBlunt) return BeatClass.Ventricular;

        bool unlike = _pendingDominantCorrelation < UnlikeCorrelation;
        bool wider = width - dominantWidth > WiderSeconds && (unlike || _shapes.Members(_pendingShape) >= EstablishedMembers);
        bool likeDominant = _pendingShape == dominant || _pendingDominantCorrelation >= (wider ? WideButLikeCorrelation : LikeCorrelation);
        // A little early, followed by a pause, and with another P wave than the sinus one: an atrial beat from another focus.
        bool otherAtrialFocus = !premature && normalRr > 0 && _pendingRrBefore > 0 && _pendingRrBefore < SlightlyEarlyRatio * normalRr
            && rrAfter > 0 && _pendingRrBefore + rrAfter > SlightlyEarlyPauseRatio * normalRr
            && _pendingPWaveCorrelation < OtherPWaveCorrelation
            && regularPattern;
        if (likeDominant) return supraventricularTiming || otherAtrialFocus ? BeatClass.Supraventricular : BeatClass.Normal;

        bool narrower = dominantWidth - width > WiderSeconds;
        bool somewhatUnlike = _pendingDominantCorrelation < SomewhatUnlikeCorrelation;
        // A shape that mostly comes on time is one of the patient's conducted beats: unlike the dominant one and early
        // is then an early conducted beat, not a PVC.
        bool conductedShape = _earlyBeats.Share(_pendingShape, ConductedShapeBeats, untilCounted: 1) < ConductedShapeEarlyShare;
        bool unlikeAndEarly = premature && !irregular && !conductedShape && (unlike || (somewhatUnlike && !narrower));
        // In an irregular rhythm every other beat looks early: there only the shape speaks.
        if (wider || (irregular && _pendingDominantCorrelation < OppositeCorrelation) || unlikeAndEarly) return BeatClass.Ventricular;
        return supraventricularTiming && !somewhatUnlike ? BeatClass.Supraventricular : BeatClass.Normal;
    }

    /// <summary>Whether the pending beat comes early: its RR under <see cref="PrematureRatio"/> of <paramref name="normalRr"/>.</summary>
    private bool IsPremature(double normalRr) => normalRr > 0 && _pendingRrBefore > 0 && _pendingRrBefore < PrematureRatio * normalRr;

    /// <summary>
    /// The rhythm's own pace: the median of the recent intervals between two normal beats, or of all recent intervals
    /// while there are too few of those (frequent ectopy).
    /// </summary>
    private double NormalRr() => _normalRr.Count >= 4 ? _normalRr.Median : _allRr.Median;
}
