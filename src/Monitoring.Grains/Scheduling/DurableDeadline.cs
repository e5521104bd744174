namespace Monitoring.Grains.Scheduling;

/// <summary>
/// Runs a grain's callback at its next deadline (an escalation, the end of an audio pause, a consult's response
/// time), durably: a one-shot grain timer for the exact time, and while any deadline is pending a reminder (kept in
/// the durable reminder table) that reactivates the grain after a host restart or failover. The deadlines
/// themselves live in the grain's persisted state; on activation the grain calls its callback, which handles what
/// is overdue and arms the next one. The reminder period bounds how late an overdue deadline is handled after a
/// restart; Orleans allows no less than a minute by default.
/// The reminder is registered as soon as a deadline is pending but removed only from its own tick
/// (<c>releaseIdleReminder</c>): deadlines come and go with every alarm that is raised and resolved, and removing and
/// registering the reminder each time would put three more storage round trips into the path that raises alarms.
/// </summary>
public sealed class DurableDeadline(IGrainBase grain, TimeProvider clock, string reminderName, TimeSpan reminderPeriod, Func<CancellationToken, Task> callback)
{
    /// <summary>A clock that moved this much while a timer was being created jumped (see <see cref="StartTimer"/>).</summary>
    private static readonly TimeSpan ClockJump = TimeSpan.FromSeconds(1);

    private IGrainTimer? _timer;

    /// <summary>
    /// Arms the timer for <paramref name="deadlineUnixMs"/> (null: nothing pending), registers the reminder if a
    /// deadline is pending, and removes it when nothing is pending and <paramref name="releaseIdleReminder"/> is set
    /// (call it so from the reminder's tick). <paramref name="reminderRegistered"/> is the flag the grain persists;
    /// when it changes, <paramref name="saveReminderRegistered"/> stores the new value.
    /// </summary>
    public async Task ArmAsync(long? deadlineUnixMs, bool reminderRegistered, Func<bool, Task> saveReminderRegistered,
        bool releaseIdleReminder = false)
    {
        _timer?.Dispose();
        _timer = deadlineUnixMs is { } at ? StartTimer(at) : null;
        bool wanted = deadlineUnixMs is not null;
        if (wanted == reminderRegistered || (!wanted && !releaseIdleReminder)) return;
        if (wanted) await grain.RegisterOrUpdateReminder(reminderName, reminderPeriod, reminderPeriod);
        else if (await grain.GetReminder(reminderName) is { } reminder) await grain.UnregisterReminder(reminder);
        await saveReminderRegistered(wanted);
    }

    /// <summary>
    /// A one-shot timer for <paramref name="atUnixMs"/>. A timer counts its delay from the clock's time when it is
    /// created, so the delay is taken from the clock just before, and the clock read again just after: one that jumped
    /// meanwhile (a host resumed from suspension; a test's clock, moved by another thread while the grain armed the
    /// timer, which then fired a whole step late) gets the timer made again from the new time.
    /// </summary>
    private IGrainTimer StartTimer(long atUnixMs)
    {
        while (true)
        {
            DateTimeOffset before = clock.GetUtcNow();
            var due = TimeSpan.FromMilliseconds(Math.Max(0, atUnixMs - before.ToUnixTimeMilliseconds()));
            IGrainTimer timer = grain.RegisterGrainTimer(callback, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
            if (clock.GetUtcNow() - before < ClockJump) return timer;
            timer.Dispose();
        }
    }
}
