namespace Monitoring.Grains.Cluster.Tests;

/// <summary>Reads a grain until what it returns satisfies a condition: grain timers fire on the fake clock but run on the silo's threads.</summary>
internal static class GrainWait
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>How long a test lets the silo run before checking that something did NOT happen.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string awaited)
    {
        DateTime deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            T value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out after {Timeout.TotalSeconds} s waiting for {awaited}. Last seen: {value}");
            await Task.Delay(10);
        }
    }
}
