using Monitoring.Server.Tests;

namespace Monitoring.Web.Tests;

/// <summary>The real server, with high-priority alarms escalating after a few seconds instead of 30 so that a browser test can wait for it.</summary>
public sealed class ConsoleServerFixture : ServerFixture
{
    public static readonly TimeSpan HighEscalation = TimeSpan.FromSeconds(5);

    protected override void Configure(IDictionary<string, string?> settings, WebApplicationBuilder builder) =>
        settings["Monitoring:Alarms:HighEscalationSeconds"] = HighEscalation.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
