using Microsoft.Extensions.DependencyInjection;
using Monitoring.Grains.Live;
using Monitoring.Server.Live;
using Monitoring.Server.Tests;

namespace Monitoring.Web.Tests;

/// <summary>
/// The real server, with high-priority alarms escalating after a few seconds instead of 30 so that a browser test can
/// wait for it, and a publisher that loses the alarm pushes of the patients a test names.
/// </summary>
public sealed class ConsoleServerFixture : ServerFixture
{
    public static readonly TimeSpan HighEscalation = TimeSpan.FromSeconds(5);

    public LosingPublisher.Losses LostPushes { get; } = new();

    protected override void Configure(IDictionary<string, string?> settings, WebApplicationBuilder builder)
    {
        settings["Monitoring:Alarms:HighEscalationSeconds"] = HighEscalation.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Services.AddSingleton<IMonitoringPublisher>(services =>
            new LosingPublisher(ActivatorUtilities.CreateInstance<SignalRMonitoringPublisher>(services), LostPushes));
    }
}
