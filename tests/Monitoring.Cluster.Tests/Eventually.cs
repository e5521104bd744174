using System.Diagnostics;

namespace Monitoring.Cluster.Tests;

public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="what"/> and <paramref name="context"/> after <paramref name="timeout"/>.</summary>
    public static async Task Until(Func<bool> condition, TimeSpan timeout, string what, Func<string>? context = null)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout) Assert.Fail($"No {what} within {timeout.TotalSeconds} s.\n{context?.Invoke()}");
            await Task.Delay(100);
        }
    }
}
