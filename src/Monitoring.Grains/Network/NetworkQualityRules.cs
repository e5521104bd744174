using Monitoring.Contracts.Devices;

namespace Monitoring.Grains.Network;

/// <summary>
/// Early fault warning on a device's link (villages and ambulances depend on 4G/5G): thresholds on the smoothed
/// latency, jitter, loss and reconnections that mark a link as degraded before it fails. Defaults suit 250-ms
/// batches; a warning names the worst problem first.
/// </summary>
public static class NetworkQualityRules
{
    public const double LatencyWarningMs = 1_000;
    public const double JitterWarningMs = 250;
    public const double LossWarningPercent = 1.0;
    public const int ReconnectsWarningPerHour = 3;

    public const string Offline = "offline", Loss = "loss", Reconnects = "reconnects", Latency = "latency", Jitter = "jitter";

    /// <summary>The warning kind for a registered device's link, or null when it is healthy.</summary>
    public static string? Warning(bool connected, double latencyMs, double jitterMs, double lossPercent, int reconnectsLastHour)
    {
        if (!connected) return Offline;
        if (lossPercent > LossWarningPercent) return Loss;
        if (reconnectsLastHour >= ReconnectsWarningPerHour) return Reconnects;
        if (latencyMs > LatencyWarningMs) return Latency;
        if (jitterMs > JitterWarningMs) return Jitter;
        return null;
    }

    public static string? Warning(DeviceStatus status) =>
        status.Registered ? Warning(status.Connected, status.MeanLatencyMs, status.JitterMs, status.LossPercent, status.ReconnectsLastHour) : null;
}
