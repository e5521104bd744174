using System.Text.RegularExpressions;
using Monitoring.Server.Hosting;
using Monitoring.Testing;

namespace Monitoring.Server.Tests;

/// <summary>
/// The configuration keys of the deployment definitions (infra/deploy) and of the scripts that start servers are
/// keys the server reads: each one binds to a property of <see cref="ServerOptions"/>, and production sets what a
/// cluster needs.
/// </summary>
public sealed partial class DeploymentConfigurationTests
{
    [Fact]
    public void The_kubernetes_definitions_bind_to_the_server_options_and_set_what_a_cluster_needs()
    {
        var settings = new Dictionary<string, string?>();
        foreach (string file in Directory.GetFiles(Path.Combine(Repository.Root, "infra", "deploy", "kubernetes"), "*.yaml"))
        {
            foreach (string line in File.ReadLines(file))
            {
                // ConfigMap and Secret data ("Key: value"), and container env entries ("- name: Key", value from the pod).
                if (DataEntry().Match(line) is { Success: true } data) settings[Key(data.Groups[1].Value)] = data.Groups[2].Value;
                else if (EnvEntry().Match(line) is { Success: true } env) settings[Key(env.Groups[1].Value)] = "10.0.0.1";
            }
        }

        ServerOptions options = Bind(settings);

        Assert.Equal(ClusterProviders.Redis, options.Cluster.Provider);
        Assert.False(string.IsNullOrWhiteSpace(options.Cluster.RedisConnectionString));
        Assert.True(settings.ContainsKey("Monitoring:Cluster:AdvertisedIPAddress"), "the pod IP must be advertised to the other silos");
        Assert.False(string.IsNullOrWhiteSpace(options.OperatorKey));
        Assert.False(string.IsNullOrWhiteSpace(options.StorageConnectionString));
    }

    [Fact]
    public void Every_Monitoring_key_the_scripts_set_is_one_the_server_reads()
    {
        var scripts = Directory.GetFiles(Path.Combine(Repository.Root, "infra"), "*.sh")
            .Concat(Directory.GetFiles(Path.Combine(Repository.Root, "loadtests"), "*.sh"))
            .Concat(Directory.GetFiles(Repository.Root, "*.sh"))
            .Concat(Directory.GetFiles(Path.Combine(Repository.Root, "infra", "deploy"), "*", SearchOption.AllDirectories));
        var settings = new Dictionary<string, string?>();
        foreach (string script in scripts)
        {
            foreach (Match key in EnvironmentKey().Matches(File.ReadAllText(script))) settings[Key(key.Value)] = "";
        }

        Assert.Contains("Monitoring:Cluster:Provider", settings.Keys);
        // Unknown keys throw; values are not judged here (the scripts compute them).
        Bind(settings.Keys.Where(k => k.Count(c => c == ':') >= 1).ToDictionary(k => k, _ => (string?)null));
    }

    private static ServerOptions Bind(Dictionary<string, string?> settings)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return configuration.GetSection(ServerOptions.Section).Get<ServerOptions>(o => o.ErrorOnUnknownConfiguration = true) ?? new ServerOptions();
    }

    private static string Key(string environmentName) => environmentName.Replace("__", ":", StringComparison.Ordinal);

    [GeneratedRegex(@"^\s+(Monitoring__\w+):\s*""?([^""]*)""?\s*$")]
    private static partial Regex DataEntry();

    [GeneratedRegex(@"^\s*- name:\s*(Monitoring__\w+)\s*$")]
    private static partial Regex EnvEntry();

    [GeneratedRegex(@"Monitoring__\w+")]
    private static partial Regex EnvironmentKey();
}
