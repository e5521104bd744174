using System.Net;
using System.Net.Sockets;
using Orleans.Configuration;

namespace Monitoring.Server.Hosting;

/// <summary>
/// How this silo joins its cluster (<see cref="ClusterSettings.Provider"/>): alone on localhost, or with the other
/// silos of the same <see cref="ClusterSettings.ClusterId"/> through Orleans' Redis membership table.
/// </summary>
public static class ClusteringHosting
{
    public static ISiloBuilder UseMonitoringClustering(this ISiloBuilder silo, ClusterSettings cluster)
    {
        switch (cluster.Provider)
        {
            case ClusterProviders.Localhost:
                return silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
            case ClusterProviders.Redis:
                if (string.IsNullOrWhiteSpace(cluster.RedisConnectionString))
                    throw new InvalidOperationException("Monitoring:Cluster:RedisConnectionString is not set (the Redis provider keeps the silo membership there).");
                silo.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = cluster.ClusterId;
                    o.ServiceId = cluster.ServiceId;
                });
                silo.ConfigureEndpoints(AdvertisedAddress(cluster), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: false);
                return silo.UseRedisClustering(cluster.RedisConnectionString);
            default:
                throw new InvalidOperationException($"Monitoring:Cluster:Provider \"{cluster.Provider}\" is not known: use {ClusterProviders.Localhost} or {ClusterProviders.Redis}.");
        }
    }

    private static IPAddress AdvertisedAddress(ClusterSettings cluster)
    {
        if (string.IsNullOrWhiteSpace(cluster.AdvertisedIPAddress))
        {
            return Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
                ?? throw new InvalidOperationException("No non-loopback IPv4 address found: set Monitoring:Cluster:AdvertisedIPAddress.");
        }
        return IPAddress.TryParse(cluster.AdvertisedIPAddress, out IPAddress? address)
            ? address
            : throw new InvalidOperationException($"Monitoring:Cluster:AdvertisedIPAddress \"{cluster.AdvertisedIPAddress}\" is not an IP address.");
    }
}
