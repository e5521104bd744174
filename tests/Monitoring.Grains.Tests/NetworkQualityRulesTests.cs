using Monitoring.Grains.Network;

namespace Monitoring.Grains.Tests;

public class NetworkQualityRulesTests
{
    [Theory]
    [InlineData(true, 200, 40, 0.0, 0, null)]
    [InlineData(false, 200, 40, 0.0, 0, "offline")]
    [InlineData(true, 200, 40, 1.5, 0, "loss")]
    [InlineData(true, 200, 40, 0.0, 3, "reconnects")]
    [InlineData(true, 1_500, 40, 0.0, 2, "latency")]
    [InlineData(true, 400, 300, 0.5, 0, "jitter")]
    [InlineData(true, 1_500, 300, 2.0, 5, "loss")]
    public void TheWorstProblemOfALinkIsNamed(bool connected, double latencyMs, double jitterMs, double lossPercent, int reconnects, string? warning) =>
        Assert.Equal(warning, NetworkQualityRules.Warning(connected, latencyMs, jitterMs, lossPercent, reconnects));
}
