using Monitoring.Detection.Qrs;
using Monitoring.Detection.Rhythm;

namespace Monitoring.Detection.Quality;

/// <summary>
/// Technical condition "ECG artifact": the baseline steps or swings by more than <see cref="OnsetMillivolts"/> within
/// <see cref="WindowSeconds"/> (the range of successive one-second means), as when an electrode is pulled or the
/// amplifier saturates and recovers. The ECG cannot be read then, so cardiac standstill is not judged (no false
/// asystole from a loose electrode); the condition ends when the range falls below <see cref="OffsetMillivolts"/>.
/// Respiration and ordinary wander stay far below (99th percentile of the shared mitdb records: under 1 mV).
/// Costs one addition per sample; allocation-free after construction.
/// </summary>
public sealed class BaselineArtifactMonitor
{
    public const double OnsetMillivolts = 2.5, OffsetMillivolts = 1.0;
    public const int WindowSeconds = 3;

    private readonly int _samplesPerBlock;
    private readonly double _toMillivolts;
    private readonly double[] _means = new double[WindowSeconds];
    private int _blocks, _inBlock;
    private long _sum, _next;

    public BaselineArtifactMonitor(QrsDetectorSettings settings)
    {
        settings.Validate();
        _samplesPerBlock = settings.SamplingRateHz;
        _toMillivolts = 1.0 / (settings.GainUnitsPerMv * _samplesPerBlock);
    }

    /// <summary>True while the artifact is declared.</summary>
    public bool IsActive { get; private set; }

    /// <summary>How far the baseline moved over the last <see cref="WindowSeconds"/> s (range of the one-second means, mV); 0 until they are known.</summary>
    public double RangeMillivolts { get; private set; }

    /// <summary>Reports the artifact's onset and end, dated at the end of the second that decided it.</summary>
    public void Process<TSink>(ReadOnlySpan<short> samples, ref TSink sink) where TSink : IRhythmSink
    {
        foreach (short sample in samples)
        {
            _sum += sample;
            _next++;
            if (++_inBlock < _samplesPerBlock) continue;
            AddSecond(_sum * _toMillivolts, _next, ref sink);
            _sum = 0;
            _inBlock = 0;
        }
    }

    /// <summary>
    /// Takes the mean of the second that ended at <paramref name="endSample"/>, for a caller that sums the samples
    /// itself (<see cref="SignalQualityMonitor"/>); do not mix with <see cref="Process{TSink}"/>.
    /// </summary>
    internal void AddSecond<TSink>(double meanMillivolts, long endSample, ref TSink sink) where TSink : IRhythmSink
    {
        _means[_blocks++ % WindowSeconds] = meanMillivolts;
        if (_blocks >= WindowSeconds) Judge(endSample, ref sink);
    }

    private void Judge<TSink>(long endSample, ref TSink sink) where TSink : IRhythmSink
    {
        double low = _means[0], high = _means[0];
        for (int i = 1; i < WindowSeconds; i++)
        {
            low = Math.Min(low, _means[i]);
            high = Math.Max(high, _means[i]);
        }
        double range = high - low;
        RangeMillivolts = range;
        bool active = IsActive ? range >= OffsetMillivolts : range >= OnsetMillivolts;
        if (active == IsActive) return;
        IsActive = active;
        sink.OnRhythmEvent(new RhythmEvent(RhythmCondition.SignalArtifact, active, endSample, null, 0));
    }
}
