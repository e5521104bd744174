using Monitoring.Contracts.Devices;
using Monitoring.Contracts.Waveforms;

namespace Monitoring.Grains.Devices;

/// <summary>
/// Joins consecutive accepted batches of one device into full-disclosure segments of about 10 s, so that storage
/// is written once per segment, not once per batch. A segment closes when it is full, when the stream breaks
/// (gap, new format) or when asked (device idle, patient changed); closed segments wait here until written.
/// The first segment of a buffer is shorter, by a part of the length that depends on the device: devices that start
/// together (a fleet reconnecting after a server restart, a simulator) would otherwise all close a segment in the same
/// instant every 10 s, and storage would get one write per device at once, with every alarm write queued behind them.
/// </summary>
public sealed class SegmentBuffer(string deviceId)
{
    public static readonly TimeSpan SegmentLength = TimeSpan.FromSeconds(10);

    /// <summary>Seconds of samples at which the open segment closes: <see cref="FirstSegmentSeconds"/>, then the full length.</summary>
    private double _closeAtSeconds = FirstSegmentSeconds(deviceId);

    private readonly List<short> _samples = [];
    private readonly List<BatchMark> _batches = [];
    private readonly List<int> _pacePulses = [];
    private readonly Queue<(string StreamId, WaveformSegment Segment)> _closed = new();
    private DeviceBatch? _first;
    private string _streamId = "";
    private long _lastSequence, _endUnixMs;

    /// <summary>Server time of the last append, to close a stream that went quiet.</summary>
    public long LastAppendUnixMs { get; private set; }

    public bool HasOpen => _first is not null;

    public bool HasClosed => _closed.Count > 0;

    /// <summary>Seconds of samples not yet written (closed and open segments).</summary>
    public double UnwrittenSeconds { get; private set; }

    /// <summary>Adds a batch to the open segment of <paramref name="streamId"/>, closing that segment first if the batch does not continue it.</summary>
    public void Append(string streamId, DeviceBatch batch, long nowUnixMs)
    {
        if (_first is not null && !Continues(streamId, batch)) Close();
        if (_first is null)
        {
            _first = batch;
            _streamId = streamId;
        }
        int offset = _samples.Count / batch.Leads.Length;
        _batches.Add(new BatchMark(batch.Sequence, offset, batch.FirstSampleTimeUnixMs));
        foreach (int pulse in batch.PacePulses ?? []) _pacePulses.Add(offset + pulse);
        _samples.AddRange(batch.Samples);
        _lastSequence = batch.Sequence;
        _endUnixMs = batch.EndUnixMs;
        UnwrittenSeconds += batch.DurationSeconds;
        LastAppendUnixMs = nowUnixMs;
        if (_samples.Count / batch.Leads.Length >= _closeAtSeconds * batch.SamplingRateHz) Close();
    }

    /// <summary>Half to all of <see cref="SegmentLength"/>, the same for a device every time (FNV-1a of its id, with
    /// MurmurHash3's finalizer so that ids that differ in their last digit spread over the whole range).</summary>
    public static double FirstSegmentSeconds(string deviceId)
    {
        uint hash = 2166136261;
        foreach (char c in deviceId) hash = (hash ^ c) * 16777619;
        hash = (hash ^ (hash >> 16)) * 0x85ebca6b;
        hash = (hash ^ (hash >> 13)) * 0xc2b2ae35;
        hash ^= hash >> 16;
        return SegmentLength.TotalSeconds * (0.5 + 0.5 * hash / ((double)uint.MaxValue + 1));
    }

    /// <summary>One batch as a segment of its own.</summary>
    public static WaveformSegment Single(string deviceId, DeviceBatch batch) =>
        Segment(deviceId, batch, batch.Samples, batch.Sequence, [new BatchMark(batch.Sequence, 0, batch.FirstSampleTimeUnixMs)], batch.PacePulses ?? []);

    /// <summary>Samples that start with <paramref name="first"/>'s and have its format, through batch <paramref name="lastSequence"/>.</summary>
    private static WaveformSegment Segment(string deviceId, DeviceBatch first, short[] samples, long lastSequence, BatchMark[] batches, int[] pacePulses) => new()
    {
        DeviceId = deviceId,
        StartUnixMs = first.FirstSampleTimeUnixMs,
        SamplingRateHz = first.SamplingRateHz,
        GainUnitsPerMv = first.GainUnitsPerMv,
        Leads = first.Leads,
        Samples = samples,
        FirstSequence = first.Sequence,
        LastSequence = lastSequence,
        Batches = batches,
        PacePulses = pacePulses,
    };

    /// <summary>Closes the open segment, if any, so that it can be written.</summary>
    public void Close()
    {
        if (_first is not { } first) return;
        _closed.Enqueue((_streamId, Segment(deviceId, first, [.. _samples], _lastSequence, [.. _batches], [.. _pacePulses])));
        _samples.Clear();
        _batches.Clear();
        _pacePulses.Clear();
        _first = null;
        _closeAtSeconds = SegmentLength.TotalSeconds;
    }

    /// <summary>
    /// The samples of <paramref name="streamId"/> held here (closed segments not yet written, then the open one), oldest
    /// first, cut to [<paramref name="fromUnixMs"/>, <paramref name="toUnixMs"/>): what storage cannot give yet.
    /// </summary>
    public List<WaveformSegment> Held(string streamId, long fromUnixMs, long toUnixMs)
    {
        var held = new List<WaveformSegment>();
        foreach (var (closedStream, segment) in _closed)
        {
            if (closedStream == streamId && Cut(segment, fromUnixMs, toUnixMs) is { } part) held.Add(part);
        }
        if (_first is { } first && _streamId == streamId
            && Cut(Segment(deviceId, first, [.. _samples], _lastSequence, [], [.. _pacePulses]), fromUnixMs, toUnixMs) is { } open)
            held.Add(open);
        return held;
    }

    /// <summary>The part of a segment inside [from, to), or null when none is.</summary>
    public static WaveformSegment? Cut(WaveformSegment segment, long fromUnixMs, long toUnixMs)
    {
        int leads = segment.Leads.Length, count = segment.SamplesPerLead;
        int first = Math.Clamp((int)Math.Ceiling((fromUnixMs - segment.StartUnixMs) * segment.SamplingRateHz / 1000.0), 0, count);
        int end = Math.Clamp((int)Math.Ceiling((toUnixMs - segment.StartUnixMs) * segment.SamplingRateHz / 1000.0), 0, count);
        if (end <= first) return null;
        if (first == 0 && end == count) return segment;
        return segment with
        {
            StartUnixMs = segment.StartUnixMs + (long)Math.Round(first * 1000.0 / segment.SamplingRateHz),
            Samples = segment.Samples[(first * leads)..(end * leads)],
            Batches = [],
            PacePulses = Contracts.Waveforms.PacePulses.Within(segment.PacePulses, first, end),
        };
    }

    /// <summary>The oldest closed segment, still queued until <see cref="Written"/>.</summary>
    public (string StreamId, WaveformSegment Segment) Oldest => _closed.Peek();

    /// <summary>The oldest closed segment is in storage.</summary>
    public void Written()
    {
        var (_, segment) = _closed.Dequeue();
        UnwrittenSeconds -= segment.SamplesPerLead / (double)segment.SamplingRateHz;
    }

    private bool Continues(string streamId, DeviceBatch batch) =>
        _first is { } first
        && streamId == _streamId
        && DeviceLink.HasFormat(batch, first.SamplingRateHz, first.GainUnitsPerMv, first.Leads)
        && Math.Abs(batch.FirstSampleTimeUnixMs - _endUnixMs) <= DeviceLink.ContinuityToleranceMs;
}
