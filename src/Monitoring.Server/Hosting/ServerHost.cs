using Orleans.Dashboard;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.FileProviders;
using Monitoring.Contracts.Devices;
using Monitoring.Grains;
using Monitoring.Grains.Live;
using Monitoring.Server.Api;
using Monitoring.Server.Hubs;
using Monitoring.Server.Live;
using Monitoring.Server.Network;
using Monitoring.Server.Security;

namespace Monitoring.Server.Hosting;

/// <summary>
/// Builds the one process that co-hosts everything: the Orleans silo (its grains reached through the host's own
/// cluster client), the device and monitoring hubs, the operator and patient-data APIs, health and telemetry.
/// Tests build it the same way, with their own configuration.
/// </summary>
public static class ServerHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var options = builder.Configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();
        if (string.IsNullOrWhiteSpace(options.OperatorKey))
            throw new InvalidOperationException("Monitoring:OperatorKey is not set: the operator API needs a key (environment variable Monitoring__OperatorKey).");
        if (string.IsNullOrWhiteSpace(options.StorageConnectionString))
            throw new InvalidOperationException("Monitoring:StorageConnectionString is not set (Azure Storage, or Azurite locally).");
        builder.Services.AddSingleton(options);

        builder.Host.UseOrleans(silo => silo.AddMonitoringSilo(options));
        builder.Services.AddMonitoringStorage(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddLiveTransport(options.Live);
        builder.Services.AddSingleton(options.Alarms);
        builder.Services.AddSingleton(options.Consults);
        builder.Services.AddSingleton<NetworkQuality>();
        builder.Services.AddHostedService<NetworkSeeding>();

        builder.Services.AddAuthentication()
            .AddScheme<TokenAuthenticationOptions, TokenAuthenticationHandler>(AuthSchemes.Device, o => o.Verify = CredentialVerifiers.Device)
            .AddScheme<TokenAuthenticationOptions, TokenAuthenticationHandler>(AuthSchemes.Operator, o =>
            {
                o.Verify = CredentialVerifiers.Operator(options.OperatorKey);
                o.IsOwnKind = token => !BearerTokens.IsJwt(token);   // a user's JWT is the user scheme's to judge
            })
            .AddUserTokens(options.Auth);
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton<Jurisdiction>();
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddSingleton<PatientAccess>();

        // Enums travel by name (kind "WearablePatch", priority "High"): readable for operators and browser consoles.
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSignalR(hub =>
            {
                // Room for the largest legal batch frame plus framing; the hub itself rejects frames over the limit.
                hub.MaximumReceiveMessageSize = 2 * DeviceBatchLimits.MaxMessageBytes;
            })
            .AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .AddMessagePackProtocol();
        builder.Services.AddMonitoringTelemetry(options);
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");

        var app = builder.Build();
        app.UseMonitoringConsole();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHub<DeviceHub>(DeviceHubMethods.Path);
        app.MapHub<MonitoringHub>("/hubs/monitoring");
        app.MapAuthApi();
        app.MapOperatorApi();
        app.MapPatientDataApi();
        app.MapHealthChecks("/health");
        app.MapMonitoringTelemetry(options);
        // The Orleans dashboard for operators (grains, silos, call rates); bind the server to a private address.
        app.MapOrleansDashboard("/dashboard");
        return app;
    }

    /// <summary>
    /// The monitoring-centre console: static files from the output folder's wwwroot (copied at build), so the server
    /// serves the same console wherever it runs from; "/" opens index.html.
    /// </summary>
    private static void UseMonitoringConsole(this WebApplication app)
    {
        var files = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot"));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
    }

    private static void AddMonitoringSilo(this ISiloBuilder silo, ServerOptions options)
    {
        silo.UseMonitoringClustering(options.Cluster);
        silo.AddMonitoringGrainStorage(options);
        silo.AddLiveStreams(options);
        // Orleans refuses reminder periods under a minute unless told otherwise; the alarm policy's period may be shorter (tests).
        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(Math.Min(60, Math.Min(options.Alarms.ReminderSeconds, options.Consults.ReminderSeconds))));
        silo.AddActivityPropagation();
        silo.AddDashboard();
    }
}
