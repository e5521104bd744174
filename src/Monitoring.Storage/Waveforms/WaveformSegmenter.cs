namespace Monitoring.Storage.Waveforms;

/// <summary>
/// Cuts a block of a device's sample stream into <see cref="WaveformSegment"/>s at fixed wall-clock boundaries
/// (multiples of the segment duration in UTC). Sample times come from the stream's start and the sample's index in
/// the stream, and the cuts only from those times, so a block delivered twice, or re-sent from another sample after
/// a restart, yields segments with the same start times and lengths: the store's idempotent writes then overwrite
/// rather than duplicate them.
/// </summary>
public static class WaveformSegmenter
{
    public static readonly TimeSpan DefaultSegmentDuration = TimeSpan.FromSeconds(10);

    /// <param name="streamStart">The time of sample 0 of the device's stream.</param>
    /// <param name="firstSampleIndex">The stream index of <c>samples[lead][0]</c>.</param>
    /// <param name="samples">The block, one array per lead.</param>
    /// <param name="segmentDuration">Divides one hour and is at most <see cref="WaveformSegment.MaxDuration"/>;
    /// default <see cref="DefaultSegmentDuration"/>.</param>
    public static IReadOnlyList<WaveformSegment> Split(
        string patientId, DateTimeOffset streamStart, long firstSampleIndex, int samplingRateHz, IReadOnlyList<string> leadNames,
        short[][] samples, TimeSpan? segmentDuration = null)
    {
        long duration = (segmentDuration ?? DefaultSegmentDuration).Ticks;
        if (duration <= 0 || duration > WaveformSegment.MaxDuration.Ticks || TimeSpan.TicksPerHour % duration != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(segmentDuration), segmentDuration,
                $"The segment duration must divide one hour and be at most {WaveformSegment.MaxDuration.TotalSeconds} s.");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(firstSampleIndex);
        ArgumentOutOfRangeException.ThrowIfLessThan(samplingRateHz, 1);
        ArgumentOutOfRangeException.ThrowIfZero(samples.Length, nameof(samples));
        long origin = streamStart.UtcTicks;
        long endIndex = firstSampleIndex + samples[0].Length;
        var segments = new List<WaveformSegment>();
        long first = firstSampleIndex;
        while (first < endIndex)
        {
            long firstTime = origin + SampleClock.OffsetTicks(first, samplingRateHz);
            long nextBoundary = firstTime - firstTime % duration + duration;
            long end = Math.Min(endIndex, SampleClock.FirstIndexAtOrAfter(nextBoundary - origin, samplingRateHz));
            var leads = new short[samples.Length][];
            for (int lead = 0; lead < samples.Length; lead++)
            {
                leads[lead] = samples[lead][(int)(first - firstSampleIndex)..(int)(end - firstSampleIndex)];
            }
            segments.Add(new WaveformSegment(patientId, new DateTimeOffset(firstTime, TimeSpan.Zero), samplingRateHz, leadNames, leads));
            first = end;
        }
        return segments;
    }
}
