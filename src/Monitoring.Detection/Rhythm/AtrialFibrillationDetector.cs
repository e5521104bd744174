using Monitoring.Detection.Classification;

namespace Monitoring.Detection.Rhythm;

/// <summary>
/// Atrial fibrillation and irregular rhythm from the classified beats of one lead, judged on RR intervals and on the
/// absence of the sinus P wave, in the manner of the low-complexity RR-irregularity detectors (Petrėnas, Marozas and Sörnmo
/// 2015: a short beat window, ectopic beats filtered out, bigeminy suppressed; Tateno and Glass 2001: successive RR
/// differences):
/// <list type="bullet">
/// <item><see cref="RhythmCondition.AtrialFibrillation"/>: each pair of successive RR intervals between
/// non-ventricular beats votes "irregular" when the intervals differ by more than 10 % of their mean. Intervals that
/// start or end at a ventricular beat (a PVC's coupling interval and compensatory pause), a fusion or an
/// unclassifiable one (a beat in noise) do not vote, so PVCs do not look like AF. Paced beats do vote: in a paced patient
/// AF shows as irregular conducted beats between paced ones (mitdb 217 with the paced setting: 62 s of its 246 s of AF
/// found; 0 when paced beats do not vote). AF starts when more than 22 of the last 32 votes (70 %) are irregular and ends when fewer than
/// half of the votes present are (hysteresis); votes older than 64 beats drop out, so frequent PVCs during AF leave
/// fewer votes without ending it, while a stretch dominated by PVCs (fewer than 8 votes left) does end it — and AF
/// with a PVC every fifth beat or more often is not declared, for lack of votes. AF also needs the sinus P wave to be
/// absent: it starts only while fewer than 30 % of the last 32 non-ventricular beats showed it, and ends as soon as
/// more than half did (<see cref="SinusPWaveWindow"/>), dated to the first of those beats if that is earlier than the
/// last irregular interval. An irregular rhythm with P waves (sinus arrhythmia, frequent atrial ectopy, atrial escape
/// rhythms) is not AF. Beats without a measured P wave (NaN) leave the decision to the RR intervals.</item>
/// <item><see cref="RhythmCondition.IrregularRhythm"/>: the same test on every interval, ectopic ones included, where
/// an interval counts as regular when it matches any of the three before it (so bigeminy and trigeminy, which repeat
/// every two or three beats, are regular). Reported only while AF is not: an irregular rhythm that is not AF, such as
/// frequent multifocal ectopy or marked sinus arrhythmia.</item>
/// </list>
/// Onsets are dated to the first irregular interval of the window that triggered them, offsets to the last irregular
/// one (as VT onsets are dated to the first PVC), so annotations span the irregular stretch; events are reported when
/// decided, about 30 beats later. The thresholds were fitted on the shared MIT-BIH records 201 and 203 (AF) and the
/// other shared MIT-BIH records without AF (false AF). Allocation-free after construction; any sampling rate.
/// </summary>
public sealed class AtrialFibrillationDetector
{
    private const int WindowVotes = 32;
    private const int MaximumAgeBeats = 2 * WindowVotes;
    private const double IrregularDifference = 0.10;
    private const int OnsetIrregularVotes = 22;    // more than 22 of 32: above 70 %
    private const int OffsetIrregularVotes = 16;   // below 16 in 32 (50 %) of the votes present
    private const int PatternLength = 3;
    private const int MinimumVotes = 8;
    // Fitted on the shared mitdb records (201, 203 with AF; the others for false AF) with svdb's declared AF time as
    // a check: onset below 0.3 / 0.4 / 0.5 gave mitdb AF duration +P 94.6 / 92.6 / 90.1 at Se 86.3, svdb 3603 /
    // 3926 / 5103 s of AF (10634 s without the rule, svdb has no rhythm reference here).
    private const double AbsentPWaveShare = 0.3, ReturnedPWaveShare = 0.5;

    private readonly double _samplingRateHz;
    private readonly IrregularityWindow _atrial = new(WindowVotes, MaximumAgeBeats);
    private readonly IrregularityWindow _overall = new(WindowVotes, MaximumAgeBeats);
    private readonly SinusPWaveWindow _pWaves = new();

    // The last beats: index 0 is the previous beat, 1 the one before. Intervals: index 0 ends at the previous beat.
    private readonly long[] _intervals = new long[PatternLength];
    private readonly long[] _beatSamples = new long[2];
    private readonly bool[] _ventricular = new bool[2];
    private long _beats;
    private bool _fibrillation, _irregular;
    private long _lastOffset = long.MinValue, _onset;

    public AtrialFibrillationDetector(int samplingRateHz)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samplingRateHz);
        _samplingRateHz = samplingRateHz;
    }

    /// <summary>True while atrial fibrillation is declared.</summary>
    public bool InAtrialFibrillation => _fibrillation;

    /// <summary>Takes the next classified beat (in time order) and reports AF or irregular rhythm starting or ending.</summary>
    public void OnBeat<TSink>(in ClassifiedBeat beat, ref TSink sink) where TSink : IRhythmSink
    {
        _beats++;
        _atrial.Age(_beats);
        _overall.Age(_beats);
        long interval = beat.RrBeforeSamples;
        bool ventricular = IsVentricular(beat.Class);
        if (!ventricular) _pWaves.Add(beat.PWaveCorrelation, beat.SampleIndex);
        if (interval > 0 && _beats > PatternLength + 1)
        {
            if (!ventricular && !_ventricular[0] && !_ventricular[1])
            {
                _atrial.Add(Differs(interval, _intervals[0]), _beatSamples[1], beat.SampleIndex, _beats, interval);
            }
            _overall.Add(DiffersFromAll(interval), _beatSamples[1], beat.SampleIndex, _beats, interval);
            Decide(beat.SampleIndex, ref sink);
        }
        Remember(beat, interval, ventricular);
    }

    private void Decide<TSink>(long now, ref TSink sink) where TSink : IRhythmSink
    {
        if (!_fibrillation && _atrial.IrregularCount > OnsetIrregularVotes && _pWaves.Share < AbsentPWaveShare)
        {
            _onset = Math.Max(_atrial.FirstIrregularFrom() ?? now, _lastOffset);
            if (_irregular) EndIrregular(_onset, ref sink);
            _fibrillation = true;
            Report(RhythmCondition.AtrialFibrillation, true, _onset, _atrial, ref sink);
        }
        else if (_fibrillation && (_pWaves.Share > ReturnedPWaveShare || _atrial.Count < MinimumVotes
            || _atrial.IrregularCount * WindowVotes < OffsetIrregularVotes * _atrial.Count))
        {
            bool pWavesBack = _pWaves.Share > ReturnedPWaveShare;
            _fibrillation = false;
            long offset = _atrial.LastIrregularTo() ?? now;
            // The sinus P waves came back before the intervals settled (atrial ectopy goes on): AF ended with them.
            if (pWavesBack && _pWaves.FirstPresent() is long returned) offset = Math.Max(_onset, Math.Min(offset, returned));
            _lastOffset = offset;
            Report(RhythmCondition.AtrialFibrillation, false, _lastOffset, _atrial, ref sink);
        }

        if (!_fibrillation && !_irregular && _overall.IrregularCount > OnsetIrregularVotes)
        {
            _irregular = true;
            Report(RhythmCondition.IrregularRhythm, true, Math.Max(_overall.FirstIrregularFrom() ?? now, _lastOffset), _overall, ref sink);
        }
        else if (_irregular && _overall.IrregularCount < OffsetIrregularVotes)
        {
            EndIrregular(_overall.LastIrregularTo() ?? now, ref sink);
        }
    }

    private void EndIrregular<TSink>(long at, ref TSink sink) where TSink : IRhythmSink
    {
        _irregular = false;
        Report(RhythmCondition.IrregularRhythm, false, at, _overall, ref sink);
    }

    /// <summary>Relative difference of two intervals above the irregularity threshold.</summary>
    private static bool Differs(long a, long b) => Math.Abs(a - b) > IrregularDifference * (a + b) / 2;

    /// <summary>Unlike each of the last three intervals: irregular even allowing for a pattern repeating every 2 or 3 beats.</summary>
    private bool DiffersFromAll(long interval)
    {
        foreach (long earlier in _intervals)
            if (!Differs(interval, earlier)) return false;
        return true;
    }

    private void Remember(in ClassifiedBeat beat, long interval, bool ventricular)
    {
        for (int i = PatternLength - 1; i > 0; i--) _intervals[i] = _intervals[i - 1];
        _intervals[0] = interval;
        _beatSamples[1] = _beatSamples[0];
        _beatSamples[0] = beat.SampleIndex;
        _ventricular[1] = _ventricular[0];
        _ventricular[0] = ventricular;
    }

    private static bool IsVentricular(BeatClass beatClass) => beatClass is BeatClass.Ventricular or BeatClass.Fusion or BeatClass.Unclassifiable;

    private void Report<TSink>(RhythmCondition condition, bool onset, long at, IrregularityWindow window, ref TSink sink)
        where TSink : IRhythmSink =>
        sink.OnRhythmEvent(new RhythmEvent(condition, onset, at, window.RateBpm(_samplingRateHz), 0, window.IrregularCount));
}
