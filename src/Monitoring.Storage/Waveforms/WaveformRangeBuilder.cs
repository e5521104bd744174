namespace Monitoring.Storage.Waveforms;

/// <summary>
/// Assembles the answer to a range read from the stored segments overlapping it, given in order of start time:
/// clips them to [from, to), joins segments that continue one another (within half a sample period) into spans,
/// drops samples already covered (an overlapping segment re-sent from another starting point) and lists the gaps.
/// </summary>
internal sealed class WaveformRangeBuilder(DateTimeOffset from, DateTimeOffset to)
{
    private readonly List<WaveformSpan> _spans = [];
    private OpenSpan? _open;

    public void Add(WaveformSegment segment)
    {
        int rate = segment.SamplingRateHz;
        long segmentStart = segment.Start.UtcTicks;
        long halfPeriod = SampleClock.PeriodTicks(rate) / 2;
        bool continuesOpen = _open is not null && _open.Accepts(segment);
        long lower = continuesOpen ? Math.Max(from.UtcTicks, _open!.EndTicks - halfPeriod) : from.UtcTicks;
        long first = SampleClock.FirstIndexAtOrAfter(lower - segmentStart, rate);
        long end = Math.Min(segment.SampleCount, SampleClock.FirstIndexAtOrAfter(to.UtcTicks - segmentStart, rate));
        if (first >= end)
        {
            return;
        }
        long pieceStart = segmentStart + SampleClock.OffsetTicks(first, rate);
        if (!continuesOpen || Math.Abs(pieceStart - _open!.EndTicks) > halfPeriod)
        {
            CloseOpenSpan();
            _open = new OpenSpan(pieceStart, rate, segment.LeadNames, segment.GainUnitsPerMv, segment.DeviceId);
        }
        _open!.Append(segment, (int)first, (int)(end - first));
    }

    public WaveformRange Build(string patientId)
    {
        CloseOpenSpan();
        var gaps = new List<WaveformGap>();
        DateTimeOffset covered = from;
        foreach (WaveformSpan span in _spans)
        {
            if ((span.Start - covered).Ticks >= SampleClock.PeriodTicks(span.SamplingRateHz))
            {
                gaps.Add(new WaveformGap(covered, span.Start));
            }
            if (span.End > covered)
            {
                covered = span.End;
            }
        }
        long lastPeriod = _spans.Count == 0 ? 1 : SampleClock.PeriodTicks(_spans[^1].SamplingRateHz);
        if ((to - covered).Ticks >= lastPeriod)
        {
            gaps.Add(new WaveformGap(covered, to));
        }
        return new WaveformRange(patientId, from, to, _spans, gaps);
    }

    private void CloseOpenSpan()
    {
        if (_open is not null)
        {
            _spans.Add(_open.ToSpan());
            _open = null;
        }
    }

    private sealed class OpenSpan(long startTicks, int rate, IReadOnlyList<string> leadNames, double gain, string deviceId)
    {
        private readonly List<(short[][] Samples, int First, int Count)> _pieces = [];
        private readonly List<int> _pacePulses = [];
        private int _count;

        public long EndTicks => startTicks + SampleClock.OffsetTicks(_count, rate);

        public bool Accepts(WaveformSegment segment) =>
            segment.SamplingRateHz == rate && segment.GainUnitsPerMv.Equals(gain) && segment.DeviceId == deviceId
            && segment.LeadNames.SequenceEqual(leadNames, StringComparer.Ordinal);

        public void Append(WaveformSegment segment, int first, int count)
        {
            _pieces.Add((segment.Samples, first, count));
            foreach (int pulse in Contracts.Waveforms.PacePulses.Within(segment.PacePulses, first, first + count)) _pacePulses.Add(_count + pulse);
            _count += count;
        }

        public WaveformSpan ToSpan()
        {
            var leads = new short[leadNames.Count][];
            for (int lead = 0; lead < leads.Length; lead++)
            {
                leads[lead] = new short[_count];
                int offset = 0;
                foreach ((short[][] samples, int first, int count) in _pieces)
                {
                    samples[lead].AsSpan(first, count).CopyTo(leads[lead].AsSpan(offset));
                    offset += count;
                }
            }
            return new WaveformSpan(new DateTimeOffset(startTicks, TimeSpan.Zero), rate, leadNames, leads, gain, deviceId) { PacePulses = [.. _pacePulses] };
        }
    }
}
