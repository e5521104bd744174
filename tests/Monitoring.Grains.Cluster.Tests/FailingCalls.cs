using System.Collections.Concurrent;

namespace Monitoring.Grains.Cluster.Tests;

/// <summary>
/// Makes chosen grain calls fail after they ran, as when the callee's host dies before its answer leaves: the work is
/// done (an alarm pushed), the caller hears an error; or before they run, as when the callee's host cannot be reached.
/// </summary>
public sealed class FailingCalls : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<(GrainId Grain, string Method), Func<bool>> _failAfter = new();
    private readonly ConcurrentDictionary<(GrainId Grain, string Method), int> _failBefore = new();

    /// <summary>The first call of <paramref name="method"/> on <paramref name="grain"/> after which <paramref name="condition"/> holds fails.</summary>
    public void FailOnceAfter(GrainId grain, string method, Func<bool> condition) => _failAfter[(grain, method)] = condition;

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> on <paramref name="grain"/> fail without running.</summary>
    public void FailNextBeforeRunning(GrainId grain, string method, int times) => _failBefore[(grain, method)] = times;

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        var key = (context.TargetId, context.MethodName);
        if (_failBefore.TryGetValue(key, out int left) && left > 0 && _failBefore.TryUpdate(key, left - 1, left))
            throw new IOException($"{context.MethodName} did not run: its grain's host could not be reached (the test made it fail).");
        await context.Invoke();
        if (_failAfter.TryGetValue(key, out Func<bool>? condition) && condition() && _failAfter.TryRemove(key, out _))
            throw new IOException($"{context.MethodName} ran, then its answer was lost (the test made it fail).");
    }
}
