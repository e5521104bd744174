using Microsoft.AspNetCore.SignalR.Client;

namespace Monitoring.DeviceClient;

/// <summary>
/// SignalR's automatic reconnect with a policy that never gives up (the built-in one stops after four attempts):
/// an ambulance may be out of coverage for as long as the drive takes.
/// </summary>
internal sealed class ForeverRetryPolicy(ReconnectBackoff backoff) : IRetryPolicy
{
    public TimeSpan? NextRetryDelay(RetryContext retryContext) => backoff.DelayFor((int)Math.Min(retryContext.PreviousRetryCount + 1, int.MaxValue));
}
