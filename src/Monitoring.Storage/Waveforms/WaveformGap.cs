namespace Monitoring.Storage.Waveforms;

/// <summary>A part of a requested time range with no stored samples (never filled in).</summary>
public readonly record struct WaveformGap(DateTimeOffset From, DateTimeOffset To)
{
    public TimeSpan Duration => To - From;
}
