namespace Monitoring.Storage.Waveforms;

/// <summary>
/// A stretch of one patient's full-disclosure ECG: every lead, sample-aligned, at one sampling rate, at most
/// <see cref="MaxDuration"/> long. Samples are raw ADC units (as acquired), one array per lead.
/// </summary>
public sealed class WaveformSegment
{
    /// <summary>The longest segment the store accepts; reads look this far back for a segment overlapping their start.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromSeconds(60);

    public WaveformSegment(string patientId, DateTimeOffset start, int samplingRateHz, IReadOnlyList<string> leadNames, short[][] samples)
    {
        PatientId = TableKeys.RequireId(patientId, nameof(patientId));
        ArgumentOutOfRangeException.ThrowIfLessThan(samplingRateHz, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(samplingRateHz, 10_000);
        ArgumentOutOfRangeException.ThrowIfZero(leadNames.Count, nameof(leadNames));
        if (samples.Length != leadNames.Count)
        {
            throw new ArgumentException($"{samples.Length} sample arrays for {leadNames.Count} leads.", nameof(samples));
        }
        foreach (string lead in leadNames)
        {
            if (string.IsNullOrWhiteSpace(lead) || lead.Contains(','))
            {
                throw new ArgumentException($"Lead name '{lead}' is empty or contains ','.", nameof(leadNames));
            }
        }
        int count = samples[0].Length;
        ArgumentOutOfRangeException.ThrowIfZero(count, nameof(samples));
        if (samples.Any(lead => lead.Length != count))
        {
            throw new ArgumentException("Every lead must have the same number of samples.", nameof(samples));
        }
        if (SampleClock.OffsetTicks(count, samplingRateHz) > MaxDuration.Ticks)
        {
            throw new ArgumentException($"{count} samples at {samplingRateHz} Hz are longer than {MaxDuration.TotalSeconds} s.", nameof(samples));
        }
        Start = start.ToUniversalTime();
        SamplingRateHz = samplingRateHz;
        LeadNames = leadNames;
        Samples = samples;
    }

    public string PatientId { get; }

    /// <summary>The time of the first sample (UTC).</summary>
    public DateTimeOffset Start { get; }

    public int SamplingRateHz { get; }

    /// <summary>Lead labels as on the monitor (e.g. "II", "V1", "MLII").</summary>
    public IReadOnlyList<string> LeadNames { get; }

    /// <summary>Samples per lead: <c>Samples[lead][i]</c>. Not copied: treat as read-only.</summary>
    public short[][] Samples { get; }

    public int SampleCount => Samples[0].Length;

    /// <summary>ADC units per millivolt (0 when unknown); needed to show the waveform at 10 mm/mV.</summary>
    public double GainUnitsPerMv { get; init; }

    /// <summary>The device that recorded the segment ("" when unknown).</summary>
    public string DeviceId { get; init; } = "";

    /// <summary>
    /// Pacemaker pulses the device reported, as increasing sample indices within the segment: an analysis of a paced
    /// patient that starts from stored samples needs them, and a reviewer sees where the pacemaker fired.
    /// </summary>
    public int[] PacePulses
    {
        get => _pacePulses;
        init
        {
            for (int i = 0; i < value.Length; i++)
            {
                if (value[i] < 0 || value[i] >= SampleCount || (i > 0 && value[i] <= value[i - 1]))
                {
                    throw new ArgumentException($"Pace pulse {value[i]} is not an increasing sample index within the segment's {SampleCount} samples.", nameof(PacePulses));
                }
            }
            _pacePulses = value;
        }
    }

    private readonly int[] _pacePulses = [];

    /// <summary>Samples <paramref name="from"/> to <paramref name="to"/> (exclusive) of every lead, starting at <paramref name="start"/>.</summary>
    public WaveformSegment Slice(int from, int to, DateTimeOffset start)
    {
        var samples = new short[Samples.Length][];
        for (int lead = 0; lead < samples.Length; lead++) samples[lead] = Samples[lead][from..to];
        return new WaveformSegment(PatientId, start, SamplingRateHz, LeadNames, samples)
        {
            GainUnitsPerMv = GainUnitsPerMv,
            DeviceId = DeviceId,
            PacePulses = Contracts.Waveforms.PacePulses.Within(PacePulses, from, to),
        };
    }

    /// <summary>One sample period after the last sample.</summary>
    public DateTimeOffset End => Start.AddTicks(SampleClock.OffsetTicks(SampleCount, SamplingRateHz));
}
