namespace Monitoring.DeviceClient;

/// <summary>
/// Exponential backoff between connection attempts, with jitter so that many devices losing coverage together
/// (a cell outage, a server restart) do not all come back in the same instant.
/// </summary>
/// <param name="Initial">Delay before the first retry.</param>
/// <param name="Maximum">The delay stops growing here; retries go on forever.</param>
/// <param name="JitterFraction">Each delay is spread randomly by up to this fraction either way (0 to 1).</param>
public sealed record ReconnectBackoff(TimeSpan Initial, TimeSpan Maximum, double JitterFraction = 0.2)
{
    public static ReconnectBackoff Default { get; } = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));

    /// <summary>The delay before retry number <paramref name="attempt"/> (1 for the first).</summary>
    public TimeSpan DelayFor(int attempt)
    {
        double doublings = Math.Min(Math.Max(attempt - 1, 0), 30);
        double ms = Math.Min(Initial.TotalMilliseconds * Math.Pow(2, doublings), Maximum.TotalMilliseconds);
        double jitter = 1 + JitterFraction * (2 * Random.Shared.NextDouble() - 1);
        return TimeSpan.FromMilliseconds(ms * jitter);
    }
}
