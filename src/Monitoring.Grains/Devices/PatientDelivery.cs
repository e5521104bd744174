using Monitoring.Contracts.Devices;

namespace Monitoring.Grains.Devices;

/// <summary>An accepted batch on its way to the patient's analysis, with what the patient needs to know of its arrival.</summary>
public sealed class PatientDelivery(DeviceBatch batch, long arrivedUnixMs, long gapBeforeMs)
{
    public DeviceBatch Batch { get; } = batch;
    public long ArrivedUnixMs { get; } = arrivedUnixMs;
    public long GapBeforeMs { get; } = gapBeforeMs;

    /// <summary>Calls that failed to hand it over.</summary>
    public int FailedTries { get; set; }
}
