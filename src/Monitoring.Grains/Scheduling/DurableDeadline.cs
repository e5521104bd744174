namespace Monitoring.Grains.Scheduling;

/// <summary>
/// Runs a grain's callback at its next deadline (an escalation, the end of an audio pause, a consult's response
/// time), durably: a one-shot grain timer for the exact time, and while any deadline is pending a reminder (kept in
/// the durable reminder table) that reactivates the grain after a host restart or failover. The deadlines
/// themselves live in the grain's persisted state; on activation the grain calls its callback, which handles what
/// is overdue and arms the next one. The reminder period bounds how late an overdue deadline is handled after a
/// restart; Orleans allows no less than a minute by default.
/// </summary>
public sealed class DurableDeadline(IGrainBase grain, string reminderName, TimeSpan reminderPeriod, Func<CancellationToken, Task> callback)
{
    private IGrainTimer? _timer;

    /// <summary>Arms the timer for <paramref name="deadline"/> (null: nothing pending) and registers or removes the reminder.
    /// <paramref name="reminderRegistered"/> is the persisted flag the grain keeps; returns its new value.</summary>
    public async Task<bool> ArmAsync(DateTimeOffset? deadline, DateTimeOffset now, bool reminderRegistered)
    {
        _timer?.Dispose();
        _timer = null;
        if (deadline is { } at)
        {
            TimeSpan due = at > now ? at - now : TimeSpan.Zero;
            _timer = grain.RegisterGrainTimer(callback, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
        bool wanted = deadline is not null;
        if (wanted == reminderRegistered) return wanted;
        if (wanted) await grain.RegisterOrUpdateReminder(reminderName, reminderPeriod, reminderPeriod);
        else if (await grain.GetReminder(reminderName) is { } reminder) await grain.UnregisterReminder(reminder);
        return wanted;
    }
}
