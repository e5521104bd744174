using System.Runtime.CompilerServices;

namespace Monitoring.Detection.Qrs;

/// <summary>
/// Streaming single-lead QRS detector, in the line of Pan and Tompkins (1985) and Hamilton and Tompkins (1986, OSEA).
/// <para>
/// Pipeline per sample (<see cref="QrsFeatureFilter"/>): low-pass with zeros at 50 and 60 Hz, 5 Hz high-pass, slope
/// over 10 ms, mean absolute slope over 80 ms ("slope energy"). Each peak of the slope energy is a candidate,
/// measured on the band-passed signal under it: R-wave position, steepest rise and fall.
/// </para>
/// <para>
/// Decision rules, in order:
/// <list type="number">
/// <item>A candidate is held until 180 ms after its energy peak. A later candidate that is larger and about as steep
/// replaces it, and the decision also waits while a larger peak is still rising close behind: so a QRS that follows a
/// tall P wave wins, while a tall T wave (less steep) never displaces its QRS.</item>
/// <item>Within 200 ms of the last QRS a candidate is part of that complex (refractory period).</item>
/// <item>It is a QRS when its energy exceeds the adaptive threshold, 0.40 of the way from the median of the last eight
/// noise peaks to the median of the last eight QRS peaks, unless it is a baseline shift (no rise and fall within
/// 150 ms) or a T wave (within 360 ms of the last QRS with less than half of its steepest slope).</item>
/// <item>Search-back: when no QRS has come for 1.5 mean RR intervals, the largest rejected candidate since 360 ms after
/// the last QRS is taken if it exceeds 0.6 of the threshold. In noise (noise level at least a tenth of the QRS level)
/// the interval is the regular RR interval: the mean of the last eight intervals within 0.7 to 1.4 of it (all of the
/// last eight once eight in a row fell outside, so a change of rate is learnt). A false detection in noise splits an
/// interval in two short ones, and with the plain mean search-back fired before the next beat was due and took a
/// noise peak.</item>
/// <item>Without beats for three seconds (or 2.5 RR intervals) the QRS level halves each second, so a drop in amplitude
/// is re-learned; an absolute floor (complexes of about 0.1 mV) keeps baseline noise during asystole from counting,
/// and a standstill guard keeps P waves and broadband noise from counting once the threshold has come down (see
/// <see cref="StandstillEnergyShare"/>).</item>
/// </list>
/// </para>
/// <para>
/// Latency: a beat is emitted at most <see cref="MaxLatencySeconds"/> after its R wave, and at most
/// <see cref="HardMaxLatencySeconds"/> when its decision waits for a larger complex rising right behind it. Beats
/// found by search-back are emitted when the search-back fires and are flagged. The first two seconds are a learning
/// period; their beats are emitted when it ends.
/// </para>
/// <para>
/// Memory: all state is allocated by the constructor (a few kilobytes); <see cref="Process{TSink}"/> allocates
/// nothing. One instance per lead; instances share no state, so thousands can be driven from one thread.
/// </para>
/// </summary>
public sealed class QrsDetector
{
    /// <summary>Time from the R wave to the emission of its beat, at most (search-back and learning-period beats excepted).</summary>
    public const double MaxLatencySeconds = 0.300;

    /// <summary>
    /// Upper bound when the decision waits for a larger complex still rising right behind the candidate (a QRS after a
    /// tall P wave); otherwise <see cref="MaxLatencySeconds"/> holds.
    /// </summary>
    public const double HardMaxLatencySeconds = 0.450;

    private const double ThresholdFraction = 0.40;
    private const double SearchBackThresholdFraction = 0.6;
    private const double SearchBackRrFactor = 1.5;
    private const double RefractorySeconds = 0.200;
    private const double TWaveWindowSeconds = 0.360;
    private const double TWaveSlopeRatio = 0.5;
    private const double PeakTimeoutSeconds = 0.095;
    private const double DecisionDelaySeconds = 0.180;
    private const double SupersedeWindowSeconds = 0.250;
    private const double SupersedeSlopeRatio = 0.8;
    private const double BaselineShiftSeconds = 0.150;
    private const double ComplexMarginSeconds = 0.050;
    /// <summary>Length of the learning period at the start of a stream; its beats are reported when it ends.</summary>
    public const double LearningSeconds = 2.0;
    private const double RSearchBeforeSeconds = 0.070;
    private const double RSearchAfterSeconds = 0.030;
    private const double RelearnAfterSeconds = 3.0;
    private const double InitialRrSeconds = 1.0;
    private const int RrCount = 8;
    private const double RegularRrLow = 0.7, RegularRrHigh = 1.4;
    /// <summary>Noise level over QRS level above which the signal counts as noisy (as <c>NoiseComplexRule.NoisyLevel</c>).</summary>
    private const double NoisyLevel = 0.10;
    private const int MaxLearningCandidates = 64;

    /// <summary>
    /// Slope energy (mV/s) below which nothing is a QRS, search-back included. A sharp 1 mV QRS gives about 20, a
    /// sharp 0.15 mV one about 3; white baseline noise of 20 µV rms stays near or below 1.5 at 100 Hz and lower at
    /// higher rates. This floor is what keeps asystole from being read as beats.
    /// </summary>
    private const double MinimumQrsEnergy = 1.5;

    /// <summary>
    /// Standstill guard: once no QRS has come for the relearning time, and until <see cref="StandstillGuardBeats"/>
    /// complexes in a row have passed it, a complex under this share of the QRS level learned before the gap is taken
    /// only if it is as abrupt as a QRS (<see cref="QrsCandidate.Sharpness"/> at least <see cref="StandstillSharpness"/>):
    /// in ventricular standstill the atria go on beating, and their P waves (a tenth of the QRS's slope energy, half
    /// its sharpness) must not be counted as beats, or asystole is never declared. A real drop in QRS amplitude (a
    /// lead changed) keeps the QRS's abruptness and is relearned as before. The guard outlasts the relearning: one P
    /// wave that passes it (at 128 Hz some read 56) no longer lets the lowered threshold take the rest.
    /// </summary>
    private const double StandstillEnergyShare = 0.2, StandstillSharpness = 55;

    /// <summary>
    /// Likewise, such a small complex must stand out of the noise: at least this multiple of the median of the last
    /// eight rejected peaks. Otherwise broadband noise during standstill (60 µV rms) is taken, peak after peak, once
    /// the threshold has come down to it, and asystole shows as a ventricular rhythm.
    /// </summary>
    private const double StandstillNoiseMultiple = 2.5;

    private const int StandstillGuardBeats = 2;

    private readonly QrsDetectorSettings _settings;
    private QrsFeatureFilter _filter;
    private readonly int _refractory, _tWaveWindow, _peakTimeout, _decisionDelay, _maxLatency, _hardMaxLatency, _supersedeWindow, _rSearchBefore, _rSearchAfter, _baselineShift, _complexMargin;
    private readonly int _learningLength, _relearnAfter;

    // How far before its slope-energy peak a candidate's R wave can lie (see Measure and LocateR).
    private readonly int _rLead;

    private long _next;

    // The standstill guard: on since a long gap without a QRS, with the QRS level learned before it.
    private bool _guarding;
    private double _guardLevel;
    private int _guardPassed;

    // Slope-energy peak finder.
    private double _peakMax;
    private long _peakMaxIndex;
    private double _lastEnergy;
    private bool _descending;
    private long _riseStart;

    // Candidate held until its decision time.
    private bool _holding;
    private QrsCandidate _held;
    private long _holdUntil;

    // Adaptive levels.
    private PeakLevels _qrsLevels = new();
    private PeakLevels _noiseLevels = new();
    private double _threshold;
    private readonly long[] _rrIntervals = new long[RrCount];
    private int _rrNext;
    private double _rrMean;
    // Intervals close to the regular RR interval (see AddRegularRr), for search-back.
    private readonly long[] _regularRr = new long[RrCount];
    private int _regularRrNext, _irregularInARow;
    private double _regularRrMean;

    private bool _hasQrs;
    private long _lastQrsPeakIndex;
    private long _lastBeatIndex = -1;
    private double _lastQrsSlope;

    private bool _hasSearchBack;
    private QrsCandidate _searchBack;
    private long _relearnAt;

    // Learning period.
    private bool _learning = true;
    private readonly QrsCandidate[] _learningCandidates = new QrsCandidate[MaxLearningCandidates];
    private int _learningCount;

    public QrsDetector(QrsDetectorSettings settings)
    {
        settings.Validate();
        _settings = settings;
        _filter = new QrsFeatureFilter(settings, historySeconds: 0.5);
        _refractory = settings.Samples(RefractorySeconds);
        _tWaveWindow = settings.Samples(TWaveWindowSeconds);
        _peakTimeout = settings.Samples(PeakTimeoutSeconds);
        _decisionDelay = settings.Samples(DecisionDelaySeconds);
        _maxLatency = settings.Samples(MaxLatencySeconds);
        _hardMaxLatency = settings.Samples(HardMaxLatencySeconds);
        _rSearchBefore = settings.Samples(RSearchBeforeSeconds);
        _rSearchAfter = settings.Samples(RSearchAfterSeconds);
        _supersedeWindow = settings.Samples(SupersedeWindowSeconds);
        _baselineShift = settings.Samples(BaselineShiftSeconds);
        _complexMargin = settings.Samples(ComplexMarginSeconds);
        _rLead = _filter.SlopeWindowLength + _filter.DerivativeLag + _complexMargin + _rSearchBefore + _filter.LowPassDelay;
        _learningLength = settings.Samples(LearningSeconds);
        _relearnAfter = settings.Samples(RelearnAfterSeconds);
        _rrMean = settings.Samples(InitialRrSeconds);
        Array.Fill(_rrIntervals, (long)_rrMean);
        Array.Fill(_regularRr, (long)_rrMean);
        _regularRrMean = _rrMean;
    }

    public QrsDetectorSettings Settings => _settings;

    /// <summary>
    /// Every beat whose R wave lies before this sample has been reported; later ones may still come. Event-time
    /// consumers (pause and asystole) judge the stream up to here, not up to the last sample: a candidate waiting for
    /// its decision (up to <see cref="HardMaxLatencySeconds"/>) or for search-back holds the mark back at its R wave,
    /// and a slope-energy peak still rising at the start of its rise. With no candidate pending (a standstill) the
    /// mark trails the last sample only by the filters' reach (about 0.22 s), so asystole is declared sooner than with a fixed
    /// 0.45 s lag.
    /// </summary>
    public long Watermark
    {
        get
        {
            if (_learning) return 0;
            // A beat still to come lies in a slope-energy peak not yet complete (rising now, or after the last sample)
            // or is the held or search-back candidate. A candidate too small to ever be a beat holds nothing back.
            long mark = (_descending ? _next : _riseStart) - _rLead;
            if (_holding && _held.Energy > MinimumQrsEnergy) mark = Math.Min(mark, _held.RIndex);
            if (_hasSearchBack && _searchBack.Energy > MinimumQrsEnergy) mark = Math.Min(mark, _searchBack.RIndex);
            return Math.Max(0, mark);
        }
    }

    /// <summary>Number of samples processed so far; the index the next sample will get.</summary>
    public long SamplesProcessed => _next;

    /// <summary>Processes the next chunk of the stream (any length, including one sample) and reports beats to <paramref name="sink"/>.</summary>
    public void Process<TSink>(ReadOnlySpan<short> samples, ref TSink sink) where TSink : IQrsSink
    {
        // The filters run a block ahead of the decisions: in a tight loop of their own their state stays in registers.
        Span<double> energies = stackalloc double[QrsFeatureFilter.BlockLength];
        while (!samples.IsEmpty)
        {
            var block = samples[..Math.Min(energies.Length, samples.Length)];
            _filter.Run(block, _next, energies);
            for (int i = 0; i < block.Length; i++)
            {
                Step(energies[i], ref sink);
            }
            samples = samples[block.Length..];
        }
    }

    /// <summary>
    /// Ends the stream: processes one second of the last sample value so that complexes near the end are decided.
    /// The stream cannot continue afterwards.
    /// </summary>
    public void Flush<TSink>(ref TSink sink, short lastSample) where TSink : IQrsSink
    {
        Span<short> padding = stackalloc short[QrsFeatureFilter.BlockLength];
        padding.Fill(lastSample);
        for (int left = _settings.SamplingRateHz; left > 0; left -= padding.Length)
        {
            Process(padding[..Math.Min(left, padding.Length)], ref sink);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Step<TSink>(double energy, ref TSink sink) where TSink : IQrsSink
    {
        long n = _next++;

        if (_descending)
        {
            if (energy > _lastEnergy)
            {
                _descending = false;
                _riseStart = n;
                _peakMax = energy;
                _peakMaxIndex = n;
            }
        }
        else if (energy > _peakMax)
        {
            _peakMax = energy;
            _peakMaxIndex = n;
        }
        else if (energy < _peakMax * 0.5 || n - _peakMaxIndex >= _peakTimeout)
        {
            OnPeak(n);
            _descending = true;
        }
        _lastEnergy = energy;

        if (_holding && n >= _holdUntil && !LargerPeakRising(n))
        {
            _holding = false;
            Decide(_held, n, ref sink);
        }

        if (_learning)
        {
            if (n >= _learningLength) FinishLearning(n, ref sink);
        }
        else if (_hasSearchBack && n - _lastQrsPeakIndex >= SearchBackRrFactor * SearchBackRr()
            && _searchBack.Energy > Math.Max(_threshold * SearchBackThresholdFraction, MinimumQrsEnergy))
        {
            if (FailsStandstillGuard(_searchBack)) _hasSearchBack = false;
            else AcceptQrs(_searchBack, n, foundBySearchBack: true, ref sink);
        }
        else if (n >= _relearnAt)
        {
            // No beat for a long time: the amplitude may have dropped (lead change, electrode). Halve the QRS level each second.
            if (!_guarding) _guardLevel = _qrsLevels.Median;
            _guarding = true;
            _guardPassed = 0;
            // A P wave held for search-back would never be taken now, and would hold the watermark back for good.
            if (_hasSearchBack && FailsStandstillGuard(_searchBack)) _hasSearchBack = false;
            _qrsLevels.Scale(0.5);
            UpdateThreshold();
            _relearnAt = n + _settings.SamplingRateHz;
        }
    }

    /// <summary>
    /// The RR interval search-back waits 1.5 of: the mean of the last intervals, or in noise (noise level at least
    /// <see cref="NoisyLevel"/> of the QRS level) the regular RR interval, which false detections do not shorten.
    /// In clean signal the plain mean stays: in atrial fibrillation the regular interval leaves the short intervals
    /// out, reads long and lets search-back come too late for a missed beat (mitdb 201).
    /// </summary>
    private double SearchBackRr() => _noiseLevels.Median >= NoisyLevel * _qrsLevels.Median ? _regularRrMean : _rrMean;

    private void OnPeak(long n)
    {
        // A smaller peak cannot displace the held candidate (see Supersedes): skip measuring it.
        if (_holding && _peakMax <= _held.Energy) return;
        QrsCandidate candidate = Measure(_peakMax, _peakMaxIndex);
        if (_holding && !Supersedes(candidate, _held)) return;
        _holding = true;
        _held = candidate;
        // Wait for a possibly larger complex behind this one, but never beyond the latency bound.
        _holdUntil = Math.Max(n, Math.Min(candidate.PeakIndex + _decisionDelay, candidate.RIndex + _maxLatency));
    }

    /// <summary>
    /// Within the pre-blank interval a later peak wins when it is larger and at least about as steep: a QRS after a
    /// tall P wave wins, a tall T wave after its QRS does not.
    /// </summary>
    private static bool Supersedes(in QrsCandidate later, in QrsCandidate held) =>
        later.Energy > held.Energy && later.MaxSlope > SupersedeSlopeRatio * held.MaxSlope;

    /// <summary>
    /// True while a larger slope-energy peak is still rising close behind the held candidate: its decision waits for
    /// that peak, which may be the QRS that followed a P wave.
    /// </summary>
    private bool LargerPeakRising(long n) =>
        n < _held.RIndex + _hardMaxLatency && !_descending && _peakMax > _held.Energy && _peakMaxIndex - _held.PeakIndex < _supersedeWindow;

    /// <summary>Looks at the band-passed signal under a slope-energy peak: R-wave position, slopes, baseline-shift test.</summary>
    private QrsCandidate Measure(double energy, long peakIndex)
    {
        long start = peakIndex - _filter.SlopeWindowLength - _filter.DerivativeLag - _complexMargin;
        var bandPass = _filter.BandPass;
        double maxAbs = -1, maxSlope = double.MinValue, minSlope = double.MaxValue;
        long maxAbsIndex = peakIndex, maxSlopeIndex = peakIndex, minSlopeIndex = peakIndex;
        for (long i = start; i <= peakIndex; i++)
        {
            double value = Math.Abs(bandPass[i]);
            if (value > maxAbs) { maxAbs = value; maxAbsIndex = i; }
            double slope = _filter.SlopeAt(i);
            if (slope > maxSlope) { maxSlope = slope; maxSlopeIndex = i; }
            if (slope < minSlope) { minSlope = slope; minSlopeIndex = i; }
        }

        double rise = maxSlope, fall = -minSlope;
        bool risesAndFalls = rise > fall / 8 && fall > rise / 8 && Math.Abs(maxSlopeIndex - minSlopeIndex) < _baselineShift;
        return new QrsCandidate
        {
            Energy = energy,
            PeakIndex = peakIndex,
            RIndex = LocateR(maxAbsIndex),
            MaxSlope = Math.Max(rise, fall),
            Amplitude = maxAbs,
            IsBaselineShift = !risesAndFalls,
        };
    }

    /// <summary>
    /// The R wave is the largest deflection from the local mean of the low-passed ECG near the band-pass maximum:
    /// the band-pass alone would put it late, on the steepest part of the complex.
    /// </summary>
    private long LocateR(long bandPassPeak)
    {
        var lowPass = _filter.LowPass;
        long start = bandPassPeak - _rSearchBefore;
        long end = Math.Min(bandPassPeak + _rSearchAfter, _next - 1);
        double sum = 0;
        for (long i = start; i <= end; i++) sum += lowPass[i];
        double mean = sum / (end - start + 1);
        double maxDeviation = -1;
        long r = bandPassPeak;
        for (long i = start; i <= end; i++)
        {
            double deviation = Math.Abs(lowPass[i] - mean);
            if (deviation > maxDeviation) { maxDeviation = deviation; r = i; }
        }
        return Math.Max(0, r - _filter.LowPassDelay);
    }

    private void Decide<TSink>(in QrsCandidate candidate, long n, ref TSink sink) where TSink : IQrsSink
    {
        if (_learning)
        {
            if (_learningCount < MaxLearningCandidates) _learningCandidates[_learningCount++] = candidate;
            return;
        }

        long sinceQrs = _hasQrs ? candidate.PeakIndex - _lastQrsPeakIndex : long.MaxValue;
        // Within the refractory period, or located on the last beat itself: part of the complex already reported.
        if (sinceQrs < _refractory || candidate.RIndex <= _lastBeatIndex) return;

        bool isTWave = sinceQrs < _tWaveWindow && candidate.MaxSlope < TWaveSlopeRatio * _lastQrsSlope;
        bool guarded = FailsStandstillGuard(candidate);
        if (guarded) _guardPassed = 0;
        if (candidate.Energy > _threshold && !candidate.IsBaselineShift && !isTWave && !guarded)
        {
            AcceptQrs(candidate, n, foundBySearchBack: false, ref sink);
            return;
        }

        _noiseLevels.Add(candidate.Energy);
        UpdateThreshold();
        if (sinceQrs >= _tWaveWindow && !candidate.IsBaselineShift && !guarded
            && (!_hasSearchBack || candidate.Energy > _searchBack.Energy))
        {
            _searchBack = candidate;
            _hasSearchBack = true;
        }
    }

    /// <summary>See <see cref="StandstillEnergyShare"/> and <see cref="StandstillNoiseMultiple"/>.</summary>
    private bool FailsStandstillGuard(in QrsCandidate candidate) =>
        _guarding && candidate.Energy < StandstillEnergyShare * _guardLevel
        && (candidate.Sharpness < StandstillSharpness || candidate.Energy < StandstillNoiseMultiple * _noiseLevels.Median);

    private void AcceptQrs<TSink>(in QrsCandidate candidate, long n, bool foundBySearchBack, ref TSink sink) where TSink : IQrsSink
    {
        if (_guarding && ++_guardPassed >= StandstillGuardBeats) _guarding = false;
        _qrsLevels.Add(candidate.Energy);
        if (_hasQrs) AddRr(candidate.PeakIndex - _lastQrsPeakIndex);
        _hasQrs = true;
        _lastQrsPeakIndex = candidate.PeakIndex;
        _lastQrsSlope = candidate.MaxSlope;
        _hasSearchBack = false;
        _relearnAt = candidate.PeakIndex + Math.Max(_relearnAfter, (long)(2.5 * _rrMean));
        UpdateThreshold();
        _lastBeatIndex = candidate.RIndex;
        sink.OnBeat(new QrsBeat(candidate.RIndex, n, foundBySearchBack, NoiseToQrsLevel()));
    }

    private double NoiseToQrsLevel() => _qrsLevels.Median > 0 ? _noiseLevels.Median / _qrsLevels.Median : 0;

    private void AddRr(long rr)
    {
        _rrIntervals[_rrNext] = rr;
        _rrNext = (_rrNext + 1) % RrCount;
        long sum = 0;
        for (int i = 0; i < RrCount; i++) sum += _rrIntervals[i];
        _rrMean = sum / (double)RrCount;
        AddRegularRr(rr);
    }

    /// <summary>
    /// Keeps the mean of the recent intervals within <see cref="RegularRrLow"/> to <see cref="RegularRrHigh"/> of that
    /// mean: premature beats, pauses and the two halves of an interval split by a false detection in noise stay out.
    /// After <see cref="RrCount"/> intervals in a row outside it takes the last ones as they are (a new rate).
    /// </summary>
    private void AddRegularRr(long rr)
    {
        if (rr >= RegularRrLow * _regularRrMean && rr <= RegularRrHigh * _regularRrMean)
        {
            _irregularInARow = 0;
            _regularRr[_regularRrNext] = rr;
            _regularRrNext = (_regularRrNext + 1) % RrCount;
            long sum = 0;
            for (int i = 0; i < RrCount; i++) sum += _regularRr[i];
            _regularRrMean = sum / (double)RrCount;
        }
        else if (++_irregularInARow >= RrCount)
        {
            Array.Copy(_rrIntervals, _regularRr, RrCount);
            _regularRrMean = _rrMean;
            _irregularInARow = 0;
        }
    }

    private void UpdateThreshold()
    {
        double noise = _noiseLevels.Median;
        double threshold = noise + ThresholdFraction * (_qrsLevels.Median - noise);
        _threshold = Math.Max(threshold, MinimumQrsEnergy);
    }

    /// <summary>
    /// Sets the initial QRS level from the largest candidate of each second of the learning period, then decides the
    /// candidates seen so far with those levels.
    /// </summary>
    private void FinishLearning<TSink>(long n, ref TSink sink) where TSink : IQrsSink
    {
        _learning = false;
        int seconds = (int)Math.Ceiling(LearningSeconds);
        Span<double> maxima = stackalloc double[seconds];
        maxima.Clear();
        for (int i = 0; i < _learningCount; i++)
        {
            ref readonly QrsCandidate c = ref _learningCandidates[i];
            int second = (int)Math.Min(seconds - 1, c.PeakIndex / _settings.SamplingRateHz);
            if (c.Energy > maxima[second]) maxima[second] = c.Energy;
        }
        for (int i = 0; i < PeakLevels.Count; i++) _qrsLevels.Add(maxima[i % seconds]);
        _noiseLevels.Fill(0);
        UpdateThreshold();

        for (int i = 0; i < _learningCount; i++)
        {
            Decide(_learningCandidates[i], n, ref sink);
        }
        _learningCount = 0;
        if (!_hasQrs) _relearnAt = n + _relearnAfter;
    }
}
