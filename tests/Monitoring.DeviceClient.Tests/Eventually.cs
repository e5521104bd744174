namespace Monitoring.DeviceClient.Tests;

/// <summary>Polls a condition until it holds, failing with a message saying what was awaited and what was seen.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    public static async Task Until(Func<bool> condition, string awaited, Func<string>? seen = null, TimeSpan? timeout = null)
    {
        DateTime deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Timed out after {(timeout ?? DefaultTimeout).TotalSeconds} s waiting for {awaited}." + (seen is null ? "" : " Seen: " + seen()));
            await Task.Delay(10);
        }
    }
}
