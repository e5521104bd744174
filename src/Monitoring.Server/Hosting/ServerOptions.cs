namespace Monitoring.Server.Hosting;

/// <summary>The server's settings (section <c>Monitoring</c>; environment variables <c>Monitoring__OperatorKey</c> and so on).</summary>
public sealed class ServerOptions
{
    public const string Section = "Monitoring";

    /// <summary>Bearer token of the operator API. Required: the server refuses to start without one.</summary>
    public string OperatorKey { get; set; } = "";

    /// <summary>Azure Storage connection string for grain state, alarms and full disclosure (Azurite locally).</summary>
    public string StorageConnectionString { get; set; } = "";

    /// <summary>
    /// Full disclosure in a storage account of its own; empty: the account above. Waveform segments are the bulk of
    /// what is written: apart, they do not share an account's request budget (Azure rates an account at about 20,000
    /// entities/s) with the alarm log and grain state, whose writes an alarm waits for before it is pushed.
    /// </summary>
    public string WaveformStorageConnectionString { get; set; } = "";

    /// <summary>The connection string full disclosure is written with.</summary>
    public string WaveformConnectionString() =>
        string.IsNullOrWhiteSpace(WaveformStorageConnectionString) ? StorageConnectionString : WaveformStorageConnectionString;

    /// <summary>Prefix of the table names, so that several deployments can share one account.</summary>
    public string TablePrefix { get; set; } = "monitoring";

    /// <summary>Hours of full-disclosure waveform kept (central stations keep 72 h).</summary>
    public int WaveformRetentionHours { get; set; } = 72;

    /// <summary>The network file loaded at start (facilities and centres), relative to the content root; empty: none.</summary>
    public string NetworkFile { get; set; } = "Network/sample-network.json";

    public AuthSettings Auth { get; set; } = new();

    /// <summary>Escalation and audio-pause times.</summary>
    public Monitoring.Grains.Alarms.AlarmPolicy Alarms { get; set; } = new();

    /// <summary>Times to acceptance of consults, by urgency.</summary>
    public Monitoring.Grains.Consults.ConsultPolicy Consults { get; set; } = new();

    public ClusterSettings Cluster { get; set; } = new();

    public TelemetrySettings Telemetry { get; set; } = new();

    public LiveSettings Live { get; set; } = new();
}

public sealed class LiveSettings
{
    /// <summary>How pushes reach the consoles' hosts: <see cref="Live.LiveTransports.HubNotifier"/> (default) or <see cref="Live.LiveTransports.OrleansStreams"/>.</summary>
    public string Transport { get; set; } = Live.LiveTransports.HubNotifier;
}

public sealed class ClusterSettings
{
    /// <summary>How silos find one another: <see cref="ClusterProviders.Localhost"/> (one server) or <see cref="ClusterProviders.Redis"/> (several).</summary>
    public string Provider { get; set; } = ClusterProviders.Localhost;

    /// <summary>StackExchange.Redis connection string of the membership table (provider Redis), for example <c>redis:6379</c>.</summary>
    public string RedisConnectionString { get; set; } = "";

    /// <summary>
    /// The address other silos reach this one at (provider Redis): the pod or container IP in production,
    /// 127.0.0.1 for a cluster on one machine. Empty: the host's first non-loopback address.
    /// </summary>
    public string AdvertisedIPAddress { get; set; } = "";

    public string ClusterId { get; set; } = "monitoring-local";
    public string ServiceId { get; set; } = "monitoring";
    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;
}

/// <summary>Values of <see cref="ClusterSettings.Provider"/>.</summary>
public static class ClusterProviders
{
    /// <summary>A single silo with in-process membership (development, one county).</summary>
    public const string Localhost = "Localhost";

    /// <summary>Membership in Redis (Orleans' Redis clustering): any number of silos.</summary>
    public const string Redis = "Redis";
}

public sealed class TelemetrySettings
{
    /// <summary>Serve Prometheus metrics at <c>/metrics</c>.</summary>
    public bool Prometheus { get; set; } = true;

    /// <summary>OTLP endpoint (for example http://collector:4317); empty: no OTLP export.</summary>
    public string OtlpEndpoint { get; set; } = "";

    /// <summary>
    /// Share of traces kept (0 to 1), decided at the root of each trace so a kept trace is whole. Every device batch
    /// starts a trace, so a fleet at 4 batches/s per device keeps 1 in 100 by default; 1 keeps everything.
    /// </summary>
    public double TraceSampleRatio { get; set; } = 0.01;
}

public sealed class AuthSettings
{
    /// <summary>The external OpenID Connect issuer trusted in production; empty: the development issuer signs tokens.</summary>
    public string Authority { get; set; } = "";

    /// <summary>The audience the external issuer puts in tokens for this product.</summary>
    public string Audience { get; set; } = "monitoring";

    /// <summary>Development issuer's HMAC key (base64, at least 32 bytes; the same on every host); empty: a new key at each start.</summary>
    public string DevSigningKey { get; set; } = "";

    /// <summary>Lifetime of development tokens: one shift.</summary>
    public double TokenLifetimeHours { get; set; } = 12;
}
