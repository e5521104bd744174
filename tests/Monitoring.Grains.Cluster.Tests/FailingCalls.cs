using System.Collections.Concurrent;

namespace Monitoring.Grains.Cluster.Tests;

/// <summary>
/// Makes chosen grain calls fail after they ran, as when the callee's host dies before its answer leaves: the work is
/// done (an alarm pushed), the caller hears an error.
/// </summary>
public sealed class FailingCalls : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<(GrainId Grain, string Method), Func<bool>> _failAfter = new();

    /// <summary>The first call of <paramref name="method"/> on <paramref name="grain"/> after which <paramref name="condition"/> holds fails.</summary>
    public void FailOnceAfter(GrainId grain, string method, Func<bool> condition) => _failAfter[(grain, method)] = condition;

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        await context.Invoke();
        var key = (context.TargetId, context.MethodName);
        if (_failAfter.TryGetValue(key, out Func<bool>? condition) && condition() && _failAfter.TryRemove(key, out _))
            throw new IOException($"{context.MethodName} ran, then its answer was lost (the test made it fail).");
    }
}
