using Microsoft.Extensions.Time.Testing;

namespace Monitoring.Server.Tests;

/// <summary>
/// The real server whose grains run on a fake clock (grain timers and the time grains read), so that escalation
/// deadlines of 30 s and 2 min are reached by advancing the clock. Orleans' own background work, SignalR and
/// Kestrel keep real time. The durable reminder that wakes patients after a restart ticks every 2 s (real time).
/// </summary>
public sealed class FakeClockServerFixture : ServerFixture
{
    public FakeTimeProvider GrainClock { get; } = new(DateTimeOffset.UtcNow);

    protected override void Configure(IDictionary<string, string?> settings, WebApplicationBuilder builder)
    {
        settings["Monitoring:Alarms:ReminderSeconds"] = "2";
        builder.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, GrainClock);
    }
}
