namespace Monitoring.Grains.Waveforms;

/// <summary>How far full-disclosure storage holds a device's stream: its newest stored batch, and the device time just
/// after that batch's last sample.</summary>
public readonly record struct StoredThrough(long Sequence, long EndUnixMs);
