namespace Monitoring.Grains.Waveforms;

/// <summary>How far full-disclosure storage holds a device's stream: its newest stored batch, the device time just
/// after that batch's last sample, and the first batch of the unbroken run of stored batches that ends with it. A run
/// that starts later than the batch after a grain's watermark leaves batches missing in between: storage does not hold
/// everything up to the newest batch.</summary>
public readonly record struct StoredThrough(long Sequence, long EndUnixMs, long RunFromSequence);
