using System.Numerics;
using System.Runtime.InteropServices;
using Monitoring.Detection.Fibrillation;
using Monitoring.Detection.Qrs;
using Monitoring.Detection.Rhythm;

namespace Monitoring.Detection.Quality;

/// <summary>
/// Signal quality of one ECG lead: decides, once a second, whether the waveform can be read, and raises a technical
/// condition for each way it cannot (clinical definitions on each <see cref="RhythmCondition"/>):
/// <list type="bullet">
/// <item><see cref="RhythmCondition.FlatLine"/>: under <see cref="FlatLineMillivolts"/> from lowest to highest value
/// in a second (leads off, no signal); declared after that second, ended by the first second that moves. It does not
/// make the signal unreadable (see <see cref="IsUnreadable"/>): asystole is still declared.</item>
/// <item><see cref="RhythmCondition.SignalSaturation"/>: the waveform rests on its extreme value for
/// <see cref="SaturationSeconds"/> or more in a second, that value at least <see cref="SaturationExcursionMillivolts"/>
/// from the second's mean (clipping); declared and ended the same way. Without the excursion, standstill with a few
/// ADC units of noise read as clipping and suppressed the asystole alarm.</item>
/// <item><see cref="RhythmCondition.HighFrequencyNoise"/>: roughness (see <see cref="FibrillationFeatures.Roughness"/>)
/// of <see cref="NoiseRoughness"/> or more with a mean amplitude of <see cref="NoiseMinimumMillivolts"/> or more;
/// clean ECG stays under 3 (mitdb 99th percentile up to 3.6 in a few seconds of 104 and 114), pure muscle noise
/// reads 4 to 5.</item>
/// <item><see cref="RhythmCondition.BaselineWander"/>: the baseline moves by <see cref="WanderMillivolts"/> or more
/// within 3 s; clean mitdb stays under 0.7 mV in 99 % of seconds, electrode-motion noise at 6 dB SNR exceeds it about
/// half the time.</item>
/// <item><see cref="RhythmCondition.SignalArtifact"/>: a baseline step of 2.5 mV, from the
/// <see cref="BaselineArtifactMonitor"/> inside.</item>
/// </list>
/// Noise and wander are declared after <see cref="NoiseOnsetSeconds"/> s and end after <see cref="NoiseOffsetSeconds"/>
/// clean seconds. Neither is declared while the waveform is organised ventricular activity — fibrillation declared,
/// or a VF-filter leakage under <see cref="OrganisedLeakage"/> (ventricular tachycardia, flutter and fibrillation read
/// 0.3 to 0.6, noise and ordinary ECG 0.65 to 0.9): VT and VF are not noise, and their alarms must stand. The
/// waveform measurements come from the <see cref="VentricularFibrillationDetector"/> of the same lead, so this monitor
/// adds only a few comparisons per sample. Baseline wander also ends at once, and is not declared, while the beats are a
/// fast ventricular run (<see cref="VentricularRunBeats"/> V beats at the VT rate): at the onset of ventricular
/// tachycardia the wide complexes move the 1-s means like a wandering baseline (vfdb 420 at 23:51, where wander held
/// the VT alarm back by 4 s) while the QRS detector reads them well; the VF-filter leakage needs its whole 4-s window
/// of VT before it calls the waveform organised. Thresholds were read off the shared mitdb, nstdb, vfdb and cudb records
/// (distributions per second); allocation-free after construction; any sampling rate.
/// </summary>
public sealed class SignalQualityMonitor
{
    public const double FlatLineMillivolts = 0.015;
    public const double SaturationSeconds = 0.100, SaturationExcursionMillivolts = 0.5;
    public const double NoiseRoughness = 3.5;
    public const double NoiseMinimumMillivolts = 0.05;
    public const double WanderMillivolts = 1.0, QuietBandMillivolts = 0.05;
    public const double OrganisedLeakage = 0.6;
    public const int NoiseOnsetSeconds = 2, NoiseOffsetSeconds = 3;

    /// <summary>Consecutive ventricular beats at the VT rate or faster that make a run during which there is no baseline wander.</summary>
    public const int VentricularRunBeats = 3;

    private readonly BaselineArtifactMonitor _baseline;
    private readonly int _samplesPerBlock, _saturationSamples;
    private readonly double _toMillivolts;
    private TechnicalConditionState _flatLine = new(RhythmCondition.FlatLine, 1, 1);
    private TechnicalConditionState _saturation = new(RhythmCondition.SignalSaturation, 1, 1);
    private TechnicalConditionState _noise = new(RhythmCondition.HighFrequencyNoise, NoiseOnsetSeconds, NoiseOffsetSeconds);
    private TechnicalConditionState _wander = new(RhythmCondition.BaselineWander, NoiseOnsetSeconds, NoiseOffsetSeconds);

    // The current second: sum, extremes and how many samples sit on each extreme.
    private int _inBlock, _atHigh, _atLow;
    private short _high = short.MinValue, _low = short.MaxValue;
    private long _sum, _next;
    private bool _ventricularRun, _quietBand;

    public SignalQualityMonitor(QrsDetectorSettings settings)
    {
        settings.Validate();
        _baseline = new BaselineArtifactMonitor(settings);
        _samplesPerBlock = settings.SamplingRateHz;
        _saturationSamples = settings.Samples(SaturationSeconds);
        _toMillivolts = 1.0 / settings.GainUnitsPerMv;
    }

    /// <summary>
    /// True while a technical condition that hides the ECG is declared (saturation, noise, wander, artifact): beat-based
    /// alarms cannot be trusted. A flat line is not among them: a flat line from a lead still attached may be
    /// asystole, and asystole must not wait for proof that it is not a loose lead (leads off comes from the device's
    /// leads-off detection); the flat-line condition is raised beside it as a prompt to check the leads.
    /// </summary>
    public bool IsUnreadable => _saturation.IsActive || _noise.IsActive || _wander.IsActive || _baseline.IsActive;

    /// <summary>
    /// True while the signal could hide QRS complexes, so that their absence proves nothing: as <see cref="IsUnreadable"/>,
    /// except baseline wander whose ECG band (1-25 Hz) is quiet (mean amplitude under <see cref="QuietBandMillivolts"/>).
    /// Slow smooth wander (breathing, a ventilated patient) leaves the band a QRS lives in empty; suppressing asystole
    /// there hid real standstill (10 s of standstill under a 1 mV, 0.25 Hz swing raised no asystole).
    /// </summary>
    public bool HidesStandstill => _saturation.IsActive || _noise.IsActive || _baseline.IsActive || (_wander.IsActive && !_quietBand);

    /// <summary>The end of the second at which <see cref="IsUnreadable"/> or <see cref="HidesStandstill"/> last changed (0 before either ever did).</summary>
    public long ChangedAt { get; private set; }

    /// <summary>
    /// Takes the next chunk of raw samples. <paramref name="waveform"/> is the lead's latest waveform measurement and
    /// <paramref name="fibrillating"/> whether fibrillation is declared (both from its
    /// <see cref="VentricularFibrillationDetector"/>); <paramref name="ventricularRun"/> whether the last
    /// <see cref="VentricularRunBeats"/> or more beats were ventricular at the VT rate or faster. Reports technical conditions starting and ending, dated at the
    /// end of the second that decided them.
    /// </summary>
    public void Process<TSink>(ReadOnlySpan<short> samples, in FibrillationFeatures waveform, bool fibrillating, bool ventricularRun, ref TSink sink)
        where TSink : IRhythmSink
    {
        _ventricularRun = ventricularRun;
        // Per sample only the sum and the extremes run, a second's part at a time and vectorised (Accumulate).
        while (!samples.IsEmpty)
        {
            int take = Math.Min(samples.Length, _samplesPerBlock - _inBlock);
            Accumulate(samples[..take]);
            _inBlock += take;
            samples = samples[take..];
            if (_inBlock < _samplesPerBlock) break;
            _next += _inBlock;
            bool unreadable = IsUnreadable, hidesStandstill = HidesStandstill;
            double mean = (double)_sum / _inBlock;
            Judge(_sum, _high - _low, Math.Max(Pinned(_high, _atHigh, mean), Pinned(_low, _atLow, mean)), waveform, fibrillating, ref sink);
            if (IsUnreadable != unreadable || HidesStandstill != hidesStandstill) ChangedAt = _next;
            _sum = 0;
            _inBlock = _atHigh = _atLow = 0;
            _high = short.MinValue;
            _low = short.MaxValue;
        }
    }

    /// <summary>
    /// How long the second rested on one of its extremes, counted only when that extreme is an excursion of at least
    /// <see cref="SaturationExcursionMillivolts"/> from the second's mean: quantised baseline noise (a few ADC units
    /// during standstill) holds its extreme values just as long, and is not clipping.
    /// </summary>
    private int Pinned(short extreme, int samplesAtExtreme, double mean) =>
        Math.Abs(extreme - mean) * _toMillivolts >= SaturationExcursionMillivolts ? samplesAtExtreme : 0;

    /// <summary>
    /// Adds a run of samples within one second to the sum, the extremes and the number of samples on each extreme.
    /// </summary>
    private void Accumulate(ReadOnlySpan<short> run)
    {
        short high = short.MinValue, low = short.MaxValue;
        long sum = 0;
        int i = 0;
        ref short first = ref MemoryMarshal.GetReference(run);
        if (Vector.IsHardwareAccelerated && run.Length >= Vector<short>.Count)
        {
            Vector<short> highs = new(short.MinValue), lows = new(short.MaxValue);
            Vector<int> sums = Vector<int>.Zero;   // at most 1000 samples a second: no overflow
            for (; i <= run.Length - Vector<short>.Count; i += Vector<short>.Count)
            {
                var values = Vector.LoadUnsafe(ref first, (nuint)i);
                highs = Vector.Max(highs, values);
                lows = Vector.Min(lows, values);
                Vector.Widen(values, out Vector<int> lower, out Vector<int> upper);
                sums += lower + upper;
            }
            for (int lane = 0; lane < Vector<short>.Count; lane++)
            {
                high = Math.Max(high, highs[lane]);
                low = Math.Min(low, lows[lane]);
            }
            sum = Vector.Sum(sums);
        }
        for (; i < run.Length; i++)
        {
            sum += run[i];
            high = Math.Max(high, run[i]);
            low = Math.Min(low, run[i]);
        }

        int atHigh = 0, atLow = 0;
        foreach (short sample in run)
        {
            atHigh += sample == high ? 1 : 0;
            atLow += sample == low ? 1 : 0;
        }
        _sum += sum;
        if (high > _high) (_high, _atHigh) = (high, atHigh);
        else if (high == _high) _atHigh += atHigh;
        if (low < _low) (_low, _atLow) = (low, atLow);
        else if (low == _low) _atLow += atLow;
    }

    /// <summary>Judges the second that just ended from its sum, its range (ADC units) and the longest stay on one extreme.</summary>
    private void Judge<TSink>(long sum, int range, int atExtreme, in FibrillationFeatures waveform, bool fibrillating, ref TSink sink)
        where TSink : IRhythmSink
    {
        bool flat = range * _toMillivolts < FlatLineMillivolts;
        _flatLine.Update(flat, _next, ref sink);
        _saturation.Update(!flat && atExtreme >= _saturationSamples, _next, ref sink);
        _baseline.AddSecond(sum * _toMillivolts / _samplesPerBlock, _next, ref sink);

        _quietBand = waveform.AmplitudeMv < QuietBandMillivolts;
        bool organised = fibrillating || waveform.Leakage < OrganisedLeakage;
        bool rough = waveform.Roughness >= NoiseRoughness && waveform.AmplitudeMv >= NoiseMinimumMillivolts;
        _noise.Update(!organised && rough, _next, ref sink);
        if (_ventricularRun) _wander.End(_next, ref sink);
        else _wander.Update(!organised && _baseline.RangeMillivolts >= WanderMillivolts, _next, ref sink);
    }
}
