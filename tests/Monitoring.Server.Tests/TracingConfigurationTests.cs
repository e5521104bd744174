using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Server.Hosting;
using OpenTelemetry.Trace;

namespace Monitoring.Server.Tests;

/// <summary>Traces are made only when they can be exported, and then sampled per trace as configured.</summary>
public class TracingConfigurationTests
{
    // A source of the product's traced set (Orleans' application calls), started by the test itself.
    private static readonly ActivitySource Orleans = new("Microsoft.Orleans.Application");

    [Fact]
    public void Without_an_otlp_endpoint_no_tracer_is_registered()
    {
        using var provider = Build(new TelemetrySettings { OtlpEndpoint = "" });
        Assert.Null(provider.GetService<TracerProvider>());
    }

    [Theory]
    [InlineData(1.0, 200)]
    [InlineData(0.0, 0)]
    public void With_an_otlp_endpoint_root_traces_are_kept_at_the_configured_ratio(double ratio, int expectedKept)
    {
        using var provider = Build(new TelemetrySettings { OtlpEndpoint = "http://127.0.0.1:9", TraceSampleRatio = ratio });
        Assert.NotNull(provider.GetRequiredService<TracerProvider>());
        int kept = 0;
        for (int i = 0; i < 200; i++)
        {
            using var activity = Orleans.StartActivity("IPatientGrain/IngestAsync");
            if (activity is { Recorded: true }) kept++;
        }
        Assert.Equal(expectedKept, kept);
    }

    [Fact]
    public void The_default_keeps_about_one_trace_in_a_hundred()
    {
        using var provider = Build(new TelemetrySettings { OtlpEndpoint = "http://127.0.0.1:9" });
        provider.GetRequiredService<TracerProvider>();
        int kept = 0;
        for (int i = 0; i < 20_000; i++)
        {
            using var activity = Orleans.StartActivity("IPatientGrain/IngestAsync");
            if (activity is { Recorded: true }) kept++;
        }
        // Random trace ids: 200 expected, binomial standard deviation about 14.
        Assert.InRange(kept, 120, 280);
    }

    private static ServiceProvider Build(TelemetrySettings telemetry)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMonitoringTelemetry(new ServerOptions { Telemetry = telemetry });
        return services.BuildServiceProvider();
    }
}
