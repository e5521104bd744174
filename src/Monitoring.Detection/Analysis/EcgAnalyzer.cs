using Monitoring.Detection.Classification;
using Monitoring.Detection.Fibrillation;
using Monitoring.Detection.Filters;
using Monitoring.Detection.Pacing;
using Monitoring.Detection.Qrs;
using Monitoring.Detection.Quality;
using Monitoring.Detection.Rhythm;

namespace Monitoring.Detection.Analysis;

/// <summary>
/// The whole real-time analysis of one ECG lead: QRS detection, beat classification, heart rate, the rate and
/// pause conditions, missed beats, the ventricular ectopy conditions (couplets, runs, VT, bigeminy, trigeminy, R-on-T, PVCs per
/// minute), atrial fibrillation and irregular rhythm, and ventricular fibrillation or flutter, judged from the waveform
/// by its own detector. While fibrillation is
/// declared there is no asystole or pause (see <see cref="RhythmMonitor"/>); beats, heart rate and the rate conditions
/// go on as the QRS detector finds them. Signal quality (<see cref="SignalQualityMonitor"/>) raises technical
/// conditions (flat line, saturation, high-frequency noise, baseline wander, artifact); while any but the flat line
/// lasts the signal is unreadable and the beat-based conditions are suppressed: no asystole, pause, missed beat or rate condition, no
/// ventricular ectopy (a run in progress ends), and atrial fibrillation takes no beats (it neither starts nor ends).
/// Beats and the displayed heart rate are still reported. The complexes the detector finds in the trace of a
/// defibrillation shock (<see cref="ShockArtifactDetector"/>) do not hold off asystole. A complex the classifier judges noise (see
/// <see cref="NoiseComplexRule"/>) is taken back from the heart rate a beat later. Ventricular fibrillation is judged throughout: the
/// quality monitor does not call organised ventricular activity noise. Feed it chunks of any size; it works through them a second at a time, so that rhythm
/// conditions are judged at least once a second. Allocation-free after construction.
/// </summary>
public sealed class EcgAnalyzer
{
    // A regular narrow-complex run (see CountNarrowRegularBeat) long enough to rule out fibrillation.
    private const int NarrowRegularRunBeats = 8;
    private const double NarrowRegularCorrelation = 0.9, NarrowQrsSeconds = 0.10, RegularRrShare = 0.10;

    private readonly MainsNotchFilter? _mains;
    private readonly short[] _filtered = [];   // a second of notched samples, when there is a notch
    private readonly QrsDetector _detector;
    private readonly BeatClassifier _classifier;
    private readonly RhythmMonitor _rhythm;
    private readonly VentricularEctopyMonitor _ectopy;
    private readonly MissedBeatDetector _missedBeats;
    private readonly AtrialFibrillationDetector _atrialFibrillation;
    private readonly VentricularFibrillationDetector _fibrillation;
    private readonly SignalQualityMonitor _quality;
    private readonly ShockArtifactDetector _shocks;
    private readonly RecentMarks? _pacePulses;           // a paced patient's reported pacemaker pulses
    private readonly PacerCaptureMonitor? _pacerCapture;
    private readonly PacePulseBlanker? _pulseBlanker;
    private readonly int _step;
    private readonly long _vtRateInterval;
    private int _fastVentricularBeats;   // consecutive V beats at the VT rate or faster, counted whatever the signal quality
    private int _narrowRegularBeats;
    private long _previousRr;
    private Pending _pending = new();

    /// <param name="settings">The stream's sampling rate and gain.</param>
    /// <param name="rhythmSettings">Per-patient rate, pause and asystole settings (vendor defaults when null).</param>
    /// <param name="ectopySettings">Per-patient VT and PVC settings (vendor defaults when null).</param>
    /// <param name="mainsFrequencyHz">Mains frequency to notch out of the signal first (50 or 60 Hz; 0 for none, as for
    /// a device that filters it itself or a recording already clean of it). Ignored when it does not fit below half the
    /// sampling rate.</param>
    /// <param name="pacedPatient">The patient has a pacemaker (the monitor's "paced" setting): wide beats that come on
    /// time are paced beats, not PVCs, and make no ventricular ectopy condition (see <see cref="PacedRule"/>).</param>
    public EcgAnalyzer(QrsDetectorSettings settings, RhythmAlarmSettings? rhythmSettings = null, VentricularEctopySettings? ectopySettings = null,
        double mainsFrequencyHz = 0, bool pacedPatient = false)
    {
        _detector = new QrsDetector(settings);
        if (pacedPatient)
        {
            _pacePulses = new RecentMarks();
            _pacerCapture = new PacerCaptureMonitor(settings.SamplingRateHz);
            _pulseBlanker = new PacePulseBlanker(settings.SamplingRateHz, settings.SamplingRateHz);
        }
        _classifier = new BeatClassifier(settings, pacedPatient, _pacePulses);
        _rhythm = new RhythmMonitor(settings.SamplingRateHz, rhythmSettings);
        _ectopy = new VentricularEctopyMonitor(settings.SamplingRateHz, ectopySettings);
        _missedBeats = new MissedBeatDetector(settings.SamplingRateHz, _rhythm.Settings.PauseThresholdSeconds);
        _atrialFibrillation = new AtrialFibrillationDetector(settings.SamplingRateHz);
        _fibrillation = new VentricularFibrillationDetector(settings);
        _quality = new SignalQualityMonitor(settings);
        _shocks = new ShockArtifactDetector(settings);
        _step = settings.SamplingRateHz;
        if (MainsNotchFilter.Applies(mainsFrequencyHz, settings.SamplingRateHz))
        {
            _mains = new MainsNotchFilter(mainsFrequencyHz, settings.SamplingRateHz);
            _filtered = new short[settings.SamplingRateHz];
        }
        _vtRateInterval = (long)(settings.SamplingRateHz * 60 / _ectopy.Settings.VtRateBpm);
    }

    public QrsDetectorSettings Settings => _detector.Settings;

    /// <summary>The heart rate to display; ask it once a second.</summary>
    public HeartRateMeter HeartRate => _rhythm.HeartRate;

    public long SamplesProcessed => _detector.SamplesProcessed;

    /// <summary>
    /// As <see cref="Process{TSink}(ReadOnlySpan{short}, ref TSink)"/>, with the pacemaker pulses the device reported in
    /// this chunk (sample offsets within it, in increasing order). In a patient set as paced a beat just after a pulse
    /// is paced whatever its shape and timing, a pulse no QRS follows is <see cref="RhythmCondition.PacerNotCapture"/>,
    /// and each pulse's own trace is taken out of the signal first (<see cref="PacePulseBlanker"/>), so that it is
    /// never counted as a QRS; otherwise pulses are ignored, as monitors use them only in paced mode.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A pulse offset outside the chunk.</exception>
    public void Process<TSink>(ReadOnlySpan<short> samples, ReadOnlySpan<int> pacePulses, ref TSink sink) where TSink : IAnalysisSink
    {
        if (_pacePulses is null)
        {
            Process(samples, ref sink);
            return;
        }
        long start = _detector.SamplesProcessed;
        foreach (int offset in pacePulses)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(offset, nameof(pacePulses));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(offset, samples.Length, nameof(pacePulses));
            _pacePulses.Add(start + offset);
            _pacerCapture!.OnPacePulse(start + offset);
        }
        // The pulses' own traces are held over before anything reads the signal (see PacePulseBlanker), a second at
        // most at a time: the blanker works on a copy of that size.
        for (int from = 0; from < samples.Length; from += _step)
        {
            Process(_pulseBlanker!.Blank(samples.Slice(from, Math.Min(_step, samples.Length - from)), pacePulses, from), ref sink);
        }
    }

    /// <summary>Analyses the next chunk of the stream and reports classified beats and rhythm conditions.</summary>
    public void Process<TSink>(ReadOnlySpan<short> samples, ref TSink sink) where TSink : IAnalysisSink
    {
        while (!samples.IsEmpty)
        {
            // Parts end on whole seconds of the stream, where signal quality is judged: beats found before the end of
            // a second see the quality judged at its start, whatever the chunk size.
            int toSecondEnd = _step - (int)(_detector.SamplesProcessed % _step);
            var part = samples[..Math.Min(toSecondEnd, samples.Length)];
            samples = samples[part.Length..];
            if (_mains is not null)
            {
                _mains.Filter(part, _filtered);
                part = _filtered.AsSpan(0, part.Length);
            }
            _classifier.Process(part);
            _detector.Process(part, ref _pending);
            Dispatch(ref sink);
            _fibrillation.NarrowComplexRhythm = _narrowRegularBeats >= NarrowRegularRunBeats;
            _fibrillation.Process(part, ref sink);
            _rhythm.OnVentricularFibrillation(_fibrillation.IsFibrillating, _fibrillation.ChangedAt, ref sink);
            JudgeQuality(part, ref sink);
            _shocks.Process(part);
            if (_shocks.TryTakeShock(out long traceStart, out long traceEnd)) _rhythm.OnShockArtifact(traceStart, traceEnd);
            _rhythm.AdvanceTo(_detector.Watermark, ref sink);
            _pacerCapture?.AdvanceTo(_detector.Watermark, _quality.IsUnreadable, ref sink);
        }
    }

    /// <summary>Ends the stream: decides the last complexes and reports the last beat. The stream cannot continue.</summary>
    public void Flush<TSink>(ref TSink sink, short lastSample) where TSink : IAnalysisSink
    {
        Span<short> padding = stackalloc short[1];
        padding[0] = lastSample;
        for (int i = 0; i < _step; i++) _classifier.Process(padding);
        _detector.Flush(ref _pending, lastSample);
        Dispatch(ref sink);
        _classifier.Flush(ref _pending);
        ForwardClassified(ref sink);
    }

    /// <summary>Signal quality; when the signal turns unreadable, beat-based conditions in progress end.</summary>
    private void JudgeQuality<TSink>(ReadOnlySpan<short> part, ref TSink sink) where TSink : IAnalysisSink
    {
        bool unreadable = _quality.IsUnreadable, hidesStandstill = _quality.HidesStandstill;
        _quality.Process(part, _fibrillation.LastFeatures, _fibrillation.IsFibrillating,
            ventricularRun: _fastVentricularBeats >= SignalQualityMonitor.VentricularRunBeats, ref sink);
        if (_quality.HidesStandstill != hidesStandstill) _rhythm.OnSignalArtifact(_quality.HidesStandstill, _quality.ChangedAt, ref sink);
        if (_quality.IsUnreadable == unreadable || !_quality.IsUnreadable) return;
        _ectopy.Interrupt(_quality.ChangedAt, ref sink);
        _missedBeats.Interrupt();
    }

    private void Dispatch<TSink>(ref TSink sink) where TSink : IAnalysisSink
    {
        for (int i = 0; i < _pending.BeatCount; i++)
        {
            QrsBeat beat = _pending.Beat(i);
            sink.OnBeat(beat);
            _rhythm.OnBeat(beat.SampleIndex, ref sink);
            _pacerCapture?.OnBeat(beat.SampleIndex);
            _classifier.OnBeat(beat, ref _pending);
        }
        _classifier.Drain(ref _pending);
        ForwardClassified(ref sink);
    }

    /// <summary>
    /// Counts the beats in a row that are narrow (QRS ≤ 100 ms), shaped like the dominant beat (correlation ≥ 0.9), not
    /// ventricular, each within 10 % of the interval before: a regular narrow-complex rhythm, which is not fibrillation.
    /// </summary>
    private void CountNarrowRegularBeat(in ClassifiedBeat beat)
    {
        bool narrowRegular = beat.Class is BeatClass.Normal or BeatClass.Supraventricular
            && beat.DominantCorrelation >= NarrowRegularCorrelation && beat.QrsWidthSeconds <= NarrowQrsSeconds
            && _previousRr > 0 && Math.Abs(beat.RrBeforeSamples - _previousRr) <= RegularRrShare * _previousRr;
        _narrowRegularBeats = narrowRegular ? _narrowRegularBeats + 1 : 0;
        _previousRr = beat.RrBeforeSamples;
    }

    private void ForwardClassified<TSink>(ref TSink sink) where TSink : IAnalysisSink
    {
        for (int i = 0; i < _pending.ClassifiedCount; i++)
        {
            ClassifiedBeat beat = _pending.Classified(i);
            sink.OnClassifiedBeat(beat);
            CountNarrowRegularBeat(beat);
            _fastVentricularBeats = beat.Class == BeatClass.Ventricular && beat.RrBeforeSamples <= _vtRateInterval ? _fastVentricularBeats + 1 : 0;
            if (_quality.IsUnreadable) continue;
            _ectopy.OnBeat(beat, ref sink);
            _missedBeats.OnBeat(beat, _atrialFibrillation.InAtrialFibrillation, ref sink);
            _atrialFibrillation.OnBeat(beat, ref sink);
        }
        foreach (long noiseComplex in _classifier.RecentNoiseComplexes) _rhythm.OnNoiseComplex(noiseComplex);
        _classifier.ClearRecentNoiseComplexes();
        _pending.Clear();
    }

    /// <summary>What the detector and the classifier reported during the current part of a chunk (at most a second's worth, or the learning period's).</summary>
    private struct Pending() : IQrsSink, IBeatSink
    {
        private readonly QrsBeat[] _beats = new QrsBeat[128];
        private readonly ClassifiedBeat[] _classified = new ClassifiedBeat[128];

        public int BeatCount { get; private set; }
        public int ClassifiedCount { get; private set; }

        public readonly QrsBeat Beat(int index) => _beats[index];
        public readonly ClassifiedBeat Classified(int index) => _classified[index];

        public void OnBeat(in QrsBeat beat)
        {
            if (BeatCount == _beats.Length) throw new InvalidOperationException("More beats in one second than the detector can produce.");
            _beats[BeatCount++] = beat;
        }

        public void OnClassifiedBeat(in ClassifiedBeat beat)
        {
            if (ClassifiedCount == _classified.Length) throw new InvalidOperationException("More beats in one second than the detector can produce.");
            _classified[ClassifiedCount++] = beat;
        }

        public void Clear()
        {
            BeatCount = 0;
            ClassifiedCount = 0;
        }
    }
}
