namespace Monitoring.DeviceClient;

/// <summary>
/// Cuts a recording into consecutive batches of about <c>batchMilliseconds</c> each, interleaving the leads, and
/// dates each batch from the absolute index of its first sample (start time + index / rate), so times never drift
/// even when a batch is not a whole number of samples (250 Hz in 250 ms batches gives 62 and 63 samples in turn).
/// Optionally loops the recording forever; the time keeps running across the loop.
/// </summary>
public sealed class BatchBuilder
{
    private readonly EcgRecording _recording;
    private readonly double _samplesPerBatch;
    private readonly long _startUnixMs;
    private long _remaining;
    private long _batches;
    private long _emitted;
    private int _position;

    /// <param name="recording">The signal to send.</param>
    /// <param name="batchMilliseconds">Nominal batch length.</param>
    /// <param name="startUnixMs">Time of the first sample of the first batch.</param>
    /// <param name="startSample">Where in the recording to begin (wraps around when looping).</param>
    /// <param name="loop">Start over at the end of the recording instead of ending.</param>
    public BatchBuilder(EcgRecording recording, int batchMilliseconds, long startUnixMs, int startSample = 0, bool loop = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchMilliseconds);
        ArgumentOutOfRangeException.ThrowIfNegative(startSample);
        _recording = recording;
        _samplesPerBatch = recording.SamplingRateHz * batchMilliseconds / 1000.0;
        if (_samplesPerBatch < 1) throw new ArgumentOutOfRangeException(nameof(batchMilliseconds), "A batch must hold at least one sample.");
        _startUnixMs = startUnixMs;
        _position = startSample % recording.Length;
        _remaining = loop ? long.MaxValue : recording.Length - _position;
    }

    /// <summary>Samples per lead sent so far.</summary>
    public long SamplesEmitted => _emitted;

    /// <summary>Samples per second per lead of the recording the batches are cut from.</summary>
    public int SamplingRateHz => _recording.SamplingRateHz;

    /// <summary>Time of the first sample of the next batch.</summary>
    public long NextSampleTimeUnixMs => TimeOf(_emitted);

    /// <summary>The next batch, or null at the end of a recording that does not loop.</summary>
    public SampleBlock? Next()
    {
        // Batch k ends at sample floor((k + 1) * samplesPerBatch) of the stream.
        int count = (int)((long)Math.Floor((_batches + 1) * _samplesPerBatch) - _emitted);
        count = (int)Math.Min(count, _remaining);
        if (count <= 0) return null;

        int leads = _recording.Leads.Length;
        var samples = new short[count * leads];
        for (int i = 0; i < count; i++)
        {
            for (int lead = 0; lead < leads; lead++) samples[i * leads + lead] = _recording.Signals[lead][_position];
            if (++_position == _recording.Length) _position = 0;
        }
        var block = new SampleBlock(TimeOf(_emitted), _recording.SamplingRateHz, _recording.GainUnitsPerMv, _recording.Leads, samples);
        _emitted += count;
        _remaining -= count;
        _batches++;
        return block;
    }

    /// <summary>Every batch of a recording, once, from its start.</summary>
    public static IEnumerable<SampleBlock> Slice(EcgRecording recording, int batchMilliseconds, long startUnixMs)
    {
        var builder = new BatchBuilder(recording, batchMilliseconds, startUnixMs);
        while (builder.Next() is { } block) yield return block;
    }

    private long TimeOf(long sampleIndex) => _startUnixMs + (long)Math.Round(sampleIndex * 1000.0 / _recording.SamplingRateHz);
}
