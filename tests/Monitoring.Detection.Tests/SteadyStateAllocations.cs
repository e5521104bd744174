namespace Monitoring.Detection.Tests;

/// <summary>
/// Bytes one steady-state pass allocates on this thread: the least of a few passes. Something outside the pass (the
/// runtime's own bookkeeping) can show as a few KB once; allocating per sample or per beat shows on every pass.
/// </summary>
internal static class SteadyStateAllocations
{
    public static long Measure(Action pass, int passes = 3)
    {
        long least = long.MaxValue;
        for (int i = 0; i < passes && least > 0; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            pass();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return least;
    }
}
