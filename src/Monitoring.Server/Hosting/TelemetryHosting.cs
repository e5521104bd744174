using Monitoring.Grains.Telemetry;
using Monitoring.Server.Security;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Monitoring.Server.Hosting;

/// <summary>OpenTelemetry: the product's meter, Orleans' and ASP.NET Core's; traces across hubs and grains; Prometheus and OTLP by configuration.</summary>
public static class TelemetryHosting
{
    public static void AddMonitoringTelemetry(this IServiceCollection services, ServerOptions options)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("monitoring-server"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(MonitoringMetrics.MeterName, "System.Runtime", "Microsoft.Orleans", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections");
                if (options.Telemetry.Prometheus) metrics.AddPrometheusExporter();
                if (!string.IsNullOrWhiteSpace(options.Telemetry.OtlpEndpoint)) metrics.AddOtlpExporter(o => o.Endpoint = new Uri(options.Telemetry.OtlpEndpoint));
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application").AddAspNetCoreInstrumentation();
                tracing.AddProcessor(new PatientIdRedactor());
                if (!string.IsNullOrWhiteSpace(options.Telemetry.OtlpEndpoint)) tracing.AddOtlpExporter(o => o.Endpoint = new Uri(options.Telemetry.OtlpEndpoint));
            });
    }

    public static void MapMonitoringTelemetry(this WebApplication app, ServerOptions options)
    {
        if (options.Telemetry.Prometheus) app.MapPrometheusScrapingEndpoint("/metrics");
    }
}
