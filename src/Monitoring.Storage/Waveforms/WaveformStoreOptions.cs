namespace Monitoring.Storage.Waveforms;

/// <summary>Configuration of the <see cref="WaveformStore"/>.</summary>
public sealed class WaveformStoreOptions : TableOptions
{
    public WaveformStoreOptions() : base("Waveforms")
    {
    }

    /// <summary>
    /// How long full disclosure is kept. Default 72 h, the depth central stations keep (e.g. GE CIC Pro).
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(72);

    /// <summary>How many table requests one write or read runs at once (per partition they are sequential).</summary>
    public int MaxConcurrentRequests { get; set; } = 8;
}
