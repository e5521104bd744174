using Monitoring.Grains.Waveforms;
using ContractSegment = Monitoring.Contracts.Waveforms.WaveformSegment;

namespace Monitoring.Storage.Waveforms;

/// <summary>The grains' full-disclosure port on <see cref="WaveformStore"/>: interleaved device segments in, per-lead storage segments out and back.</summary>
public sealed class TableFullDisclosureStore(WaveformStore store) : IFullDisclosureStore
{
    public async Task<int> WriteAsync(string patientId, ContractSegment segment, CancellationToken cancellationToken = default)
    {
        int leads = segment.Leads.Length, count = segment.SamplesPerLead;
        var perLead = new short[leads][];
        for (int lead = 0; lead < leads; lead++)
        {
            var samples = perLead[lead] = new short[count];
            for (int i = 0; i < count; i++) samples[i] = segment.Samples[i * leads + lead];
        }
        var stored = new WaveformSegment(patientId, DateTimeOffset.FromUnixTimeMilliseconds(segment.StartUnixMs), segment.SamplingRateHz, segment.Leads, perLead)
        {
            GainUnitsPerMv = segment.GainUnitsPerMv,
            DeviceId = segment.DeviceId,
            PacePulses = segment.PacePulses,
        };
        if (segment.Batches.Length > 0) return await store.WriteDeviceSegmentAsync(stored, segment.Batches, cancellationToken);
        await store.WriteAsync([stored], cancellationToken);
        return 0;
    }

    public async Task<StoredThrough?> ReadStoredThroughAsync(string patientId, string deviceId, long sinceUnixMs, long untilUnixMs, CancellationToken cancellationToken = default) =>
        await store.ReadStoredThroughAsync(patientId, deviceId, DateTimeOffset.FromUnixTimeMilliseconds(sinceUnixMs), DateTimeOffset.FromUnixTimeMilliseconds(untilUnixMs), cancellationToken)
            is var (sequence, end, runFrom) ? new StoredThrough(sequence, end, runFrom) : null;

    public async Task<IReadOnlyList<ContractSegment>> ReadAsync(string patientId, long fromUnixMs, long toUnixMs, CancellationToken cancellationToken = default)
    {
        var range = await store.ReadAsync(patientId, DateTimeOffset.FromUnixTimeMilliseconds(fromUnixMs), DateTimeOffset.FromUnixTimeMilliseconds(toUnixMs), cancellationToken);
        var segments = new List<ContractSegment>(range.Spans.Count);
        foreach (WaveformSpan span in range.Spans)
        {
            int leads = span.LeadNames.Count, count = span.SampleCount;
            var interleaved = new short[leads * count];
            for (int lead = 0; lead < leads; lead++)
            {
                short[] samples = span.Samples[lead];
                for (int i = 0; i < count; i++) interleaved[i * leads + lead] = samples[i];
            }
            segments.Add(new ContractSegment
            {
                DeviceId = span.DeviceId,
                StartUnixMs = span.Start.ToUnixTimeMilliseconds(),
                SamplingRateHz = span.SamplingRateHz,
                GainUnitsPerMv = span.GainUnitsPerMv,
                Leads = [.. span.LeadNames],
                Samples = interleaved,
                PacePulses = span.PacePulses,
            });
        }
        return segments;
    }
}
