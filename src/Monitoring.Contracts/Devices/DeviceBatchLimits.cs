namespace Monitoring.Contracts.Devices;

/// <summary>
/// The checks every batch must pass before its samples are looked at, shared by the device client library (so a
/// device learns of a mistake before sending) and the device hub.
/// </summary>
public static class DeviceBatchLimits
{
    public const int MinSamplingRateHz = 100;
    public const int MaxSamplingRateHz = 1000;
    public const int MaxLeads = 12;

    /// <summary>Samples in one batch, all leads together: 2 s of 12 leads at 1000 Hz (48 KB of samples).</summary>
    public const int MaxSamplesPerBatch = 24_000;

    /// <summary>Serialized size the device hub accepts for one message (the batch plus framing).</summary>
    public const int MaxMessageBytes = 128 * 1024;

    /// <summary>A sequence number this far ahead of the last one is a device bug, not lost batches.</summary>
    public const long MaxSequenceJump = 100_000;

    /// <summary>
    /// Pacemaker pulses per second of signal a batch may report: a dual-chamber pacemaker at its highest rate gives
    /// about 6, a biventricular one 9; more is a front end taking noise for pulses.
    /// </summary>
    public const int MaxPacePulsesPerSecond = 20;

    /// <summary>A first-sample time this far ahead of the server's clock is rejected.</summary>
    public static readonly TimeSpan MaxClockAhead = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Returns null when the batch is well formed, else an error code from <see cref="BatchErrors"/> and a message.
    /// Sequence and time order are the device grain's to judge: they depend on what came before.
    /// </summary>
    public static (string Code, string Message)? Check(DeviceBatch? batch)
    {
        if (batch is null || string.IsNullOrWhiteSpace(batch.DeviceId) || batch.Leads is null || batch.Samples is null)
            return (BatchErrors.Malformed, "The batch lacks a device id, leads or samples.");
        if (batch.Sequence <= 0)
            return (BatchErrors.Malformed, $"Sequence numbers start at 1; got {batch.Sequence}.");
        if (batch.SamplingRateHz is < MinSamplingRateHz or > MaxSamplingRateHz)
            return (BatchErrors.SamplingRate, $"Sampling rate {batch.SamplingRateHz} Hz is outside {MinSamplingRateHz}-{MaxSamplingRateHz} Hz.");
        if (batch.Leads.Length is < 1 or > MaxLeads)
            return (BatchErrors.LeadCount, $"{batch.Leads.Length} leads; a batch carries 1 to {MaxLeads}.");
        foreach (string lead in batch.Leads)
        {
            if (string.IsNullOrWhiteSpace(lead) || lead.Length > 8)
                return (BatchErrors.Malformed, "Lead names must be 1 to 8 characters.");
        }
        if (!(batch.GainUnitsPerMv > 0) || double.IsInfinity(batch.GainUnitsPerMv))
            return (BatchErrors.Gain, $"Gain {batch.GainUnitsPerMv} units/mV must be positive.");
        if (batch.Samples.Length > MaxSamplesPerBatch)
            return (BatchErrors.TooLarge, $"{batch.Samples.Length} samples; a batch carries at most {MaxSamplesPerBatch}.");
        if (batch.Samples.Length == 0 || batch.Samples.Length % batch.Leads.Length != 0)
            return (BatchErrors.SampleCount, $"{batch.Samples.Length} samples is not a positive multiple of {batch.Leads.Length} leads.");
        if (batch.FirstSampleTimeUnixMs <= 0)
            return (BatchErrors.Malformed, "The first sample's time is missing.");
        return CheckPacePulses(batch);
    }

    private static (string Code, string Message)? CheckPacePulses(DeviceBatch batch)
    {
        if (batch.PacePulses is null || batch.PacePulses.Length == 0) return null;
        int samplesPerLead = batch.SamplesPerLead;
        int allowed = (int)Math.Ceiling(MaxPacePulsesPerSecond * (double)samplesPerLead / batch.SamplingRateHz);
        if (batch.PacePulses.Length > allowed)
            return (BatchErrors.PacePulses, $"{batch.PacePulses.Length} pace pulses in {samplesPerLead} samples; at most {MaxPacePulsesPerSecond} per second.");
        int previous = -1;
        foreach (int pulse in batch.PacePulses)
        {
            if (pulse <= previous || pulse >= samplesPerLead)
                return (BatchErrors.PacePulses, $"Pace pulse at sample {pulse}: pulses are increasing sample indices within the batch's {samplesPerLead} samples per lead.");
            previous = pulse;
        }
        return null;
    }
}
