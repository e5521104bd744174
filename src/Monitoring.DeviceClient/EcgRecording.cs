namespace Monitoring.DeviceClient;

/// <summary>A multi-lead int16 recording, one array per lead (all the same length), to be cut into batches.</summary>
public sealed class EcgRecording
{
    public EcgRecording(IReadOnlyList<string> leads, IReadOnlyList<short[]> signals, int samplingRateHz, double gainUnitsPerMv)
    {
        if (leads.Count == 0 || leads.Count != signals.Count)
            throw new ArgumentException($"{leads.Count} lead names for {signals.Count} signals.", nameof(signals));
        int length = signals[0].Length;
        if (length == 0) throw new ArgumentException("The recording is empty.", nameof(signals));
        foreach (short[] signal in signals)
        {
            if (signal.Length != length) throw new ArgumentException("Every lead must have the same number of samples.", nameof(signals));
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samplingRateHz);
        Leads = [.. leads];
        Signals = [.. signals];
        SamplingRateHz = samplingRateHz;
        GainUnitsPerMv = gainUnitsPerMv;
    }

    public string[] Leads { get; }

    public short[][] Signals { get; }

    public int SamplingRateHz { get; }

    public double GainUnitsPerMv { get; }

    /// <summary>Samples per lead.</summary>
    public int Length => Signals[0].Length;
}
