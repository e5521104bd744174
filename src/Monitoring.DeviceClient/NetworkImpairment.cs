namespace Monitoring.DeviceClient;

/// <summary>
/// Bad coverage played on the device side, for the simulator and the tests. Latency and jitter: each acknowledgement is taken into account
/// <c>latency ± jitter</c> ms late (uniform), holding its in-flight slot as a slow round trip would. Loss: after
/// each batch, with this probability the device drops its connection (a short outage; it reconnects after its
/// backoff and resends). Disconnect-every: all devices drop their connections together every so many seconds
/// (a reconnect storm, as when a cell or the load balancer goes away).
/// </summary>
/// <param name="LatencyMs">Extra round-trip time, ms.</param>
/// <param name="JitterMs">Spread of that time either way, ms.</param>
/// <param name="LossProbability">Chance per batch of dropping the connection, 0 to 1.</param>
/// <param name="DisconnectEvery">Period of reconnect storms; null for none.</param>
public sealed record NetworkImpairment(double LatencyMs, double JitterMs, double LossProbability, TimeSpan? DisconnectEvery)
{
    public static NetworkImpairment None { get; } = new(0, 0, 0, null);

    public Func<TimeSpan>? ExtraRoundTrip => LatencyMs <= 0 && JitterMs <= 0
        ? null
        : () => TimeSpan.FromMilliseconds(Math.Max(0, LatencyMs + JitterMs * (2 * Random.Shared.NextDouble() - 1)));

    public bool DropAfterThisBatch() => LossProbability > 0 && Random.Shared.NextDouble() < LossProbability;

    public DeviceClientOptions Apply(DeviceClientOptions options) => options with { SimulatedExtraRoundTrip = ExtraRoundTrip };
}
