namespace Monitoring.Server.Live;

public static class ClusterHubGroupsHosting
{
    /// <summary>Pushes to monitoring-hub groups reach every host of the cluster (see <see cref="ClusterHubGroups"/>).</summary>
    public static IServiceCollection AddClusterHubGroups(this IServiceCollection services)
    {
        services.AddSingleton<ClusterHubGroups>();
        // After the silo's own hosted service (registered by UseOrleans before this), so the registry is reachable at once.
        services.AddHostedService(sp => sp.GetRequiredService<ClusterHubGroups>());
        return services;
    }
}
