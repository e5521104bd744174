using Monitoring.Detection.Classification;
using Monitoring.Detection.Rhythm;

namespace Monitoring.Detection.Pacing;

/// <summary>
/// <see cref="RhythmCondition.PacerNotCapture"/>: a pacemaker pulse the device reported that no QRS complex followed
/// within <see cref="CaptureSeconds"/> (Philips "Pacer Not Capture", Mindray "PNC"): the pacemaker fired and the
/// ventricles did not respond (lead displacement, a rising threshold, a battery running down). Declared at the first
/// such pulse and ended by the next pulse that is followed by a QRS. A QRS up to <see cref="EarlySeconds"/> before the
/// pulse counts as its capture too: the detector may put the fiducial point of a paced complex before the pulse mark
/// (see <see cref="PacedRule.PulseAfterQrsSeconds"/>).
/// Pulses are not judged while the signal is unreadable. Allocation-free.
/// </summary>
public sealed class PacerCaptureMonitor
{
    public const double CaptureSeconds = 0.30, EarlySeconds = PacedRule.PulseAfterQrsSeconds;

    private readonly long _capture, _early;
    private readonly long[] _pulses = new long[RecentMarks.Capacity];
    private readonly RecentMarks _beats = new();
    private int _first, _count;
    private int _missed;
    private bool _active;

    public PacerCaptureMonitor(int samplingRateHz)
    {
        _capture = (long)Math.Round(CaptureSeconds * samplingRateHz);
        _early = (long)Math.Round(EarlySeconds * samplingRateHz);
    }

    /// <summary>A pulse to judge once the detector has seen the signal after it (pulses in order).</summary>
    public void OnPacePulse(long sampleIndex)
    {
        if (_count == _pulses.Length) { _first = (_first + 1) % _pulses.Length; _count--; }   // the oldest is dropped unjudged
        _pulses[(_first + _count++) % _pulses.Length] = sampleIndex;
    }

    /// <summary>A QRS complex the detector found (in order).</summary>
    public void OnBeat(long sampleIndex) => _beats.Add(sampleIndex);

    /// <summary>
    /// Judges the pulses whose capture window the detector has passed (<paramref name="watermark"/>: every QRS before
    /// it has been reported); while <paramref name="unreadable"/> they are dropped unjudged.
    /// </summary>
    public void AdvanceTo<TSink>(long watermark, bool unreadable, ref TSink sink) where TSink : IRhythmSink
    {
        while (_count > 0 && _pulses[_first] + _capture <= watermark)
        {
            long pulse = _pulses[_first];
            _first = (_first + 1) % _pulses.Length;
            _count--;
            if (unreadable) continue;
            if (Captured(pulse))
            {
                if (_active) sink.OnRhythmEvent(new RhythmEvent(RhythmCondition.PacerNotCapture, false, pulse, null, 0, _missed));
                _active = false;
                _missed = 0;
            }
            else
            {
                _missed++;
                if (!_active) sink.OnRhythmEvent(new RhythmEvent(RhythmCondition.PacerNotCapture, true, pulse, null, 0, _missed));
                _active = true;
            }
        }
    }

    private bool Captured(long pulse) => _beats.AnyWithin(pulse - _early, pulse + _capture);
}
