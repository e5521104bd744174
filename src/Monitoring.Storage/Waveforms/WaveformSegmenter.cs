namespace Monitoring.Storage.Waveforms;

/// <summary>
/// Cuts a block of samples into <see cref="WaveformSegment"/>s at fixed wall-clock boundaries (multiples of the
/// segment duration in UTC). Because the cuts depend only on sample times, a block delivered twice, or re-sent from
/// a different starting point after a restart, yields segments with the same start times, which the store's
/// idempotent writes then overwrite instead of duplicating.
/// </summary>
public static class WaveformSegmenter
{
    public static readonly TimeSpan DefaultSegmentDuration = TimeSpan.FromSeconds(10);

    public static IReadOnlyList<WaveformSegment> Split(
        string patientId, DateTimeOffset start, int samplingRateHz, IReadOnlyList<string> leadNames, short[][] samples) =>
        Split(patientId, start, samplingRateHz, leadNames, samples, DefaultSegmentDuration);

    /// <param name="segmentDuration">Divides one hour and is at most <see cref="WaveformSegment.MaxDuration"/>.</param>
    public static IReadOnlyList<WaveformSegment> Split(
        string patientId, DateTimeOffset start, int samplingRateHz, IReadOnlyList<string> leadNames, short[][] samples,
        TimeSpan segmentDuration)
    {
        if (segmentDuration <= TimeSpan.Zero || segmentDuration > WaveformSegment.MaxDuration || TimeSpan.TicksPerHour % segmentDuration.Ticks != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(segmentDuration), segmentDuration,
                $"The segment duration must divide one hour and be at most {WaveformSegment.MaxDuration.TotalSeconds} s.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(samplingRateHz, 1);
        ArgumentOutOfRangeException.ThrowIfZero(samples.Length, nameof(samples));
        long startTicks = start.UtcTicks;
        int total = samples[0].Length;
        var segments = new List<WaveformSegment>();
        int first = 0;
        long boundary = startTicks - startTicks % segmentDuration.Ticks + segmentDuration.Ticks;
        while (first < total)
        {
            int end = (int)Math.Min(total, SampleClock.FirstIndexAtOrAfter(boundary - startTicks, samplingRateHz));
            if (end > first)
            {
                var leads = new short[samples.Length][];
                for (int lead = 0; lead < samples.Length; lead++)
                {
                    leads[lead] = samples[lead][first..end];
                }
                var segmentStart = new DateTimeOffset(startTicks + SampleClock.OffsetTicks(first, samplingRateHz), TimeSpan.Zero);
                segments.Add(new WaveformSegment(patientId, segmentStart, samplingRateHz, leadNames, leads));
                first = end;
            }
            boundary += segmentDuration.Ticks;
        }
        return segments;
    }
}
