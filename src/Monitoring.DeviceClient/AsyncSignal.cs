namespace Monitoring.DeviceClient;

/// <summary>
/// Wakes every waiter when something changed. A waiter re-examines the state after waking; a signal given between
/// that examination and the next wait is not lost, because the wait starts from the signal's state at wake-up.
/// </summary>
internal sealed class AsyncSignal
{
    private TaskCompletionSource _source = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Set() => Volatile.Read(ref _source).TrySetResult();

    /// <summary>The task to await for the next signal; take it before examining the state.</summary>
    public Task Next()
    {
        TaskCompletionSource source = Volatile.Read(ref _source);
        if (!source.Task.IsCompleted) return source.Task;
        var fresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        TaskCompletionSource current = Interlocked.CompareExchange(ref _source, fresh, source);
        return current == source ? fresh.Task : current.Task;
    }
}
