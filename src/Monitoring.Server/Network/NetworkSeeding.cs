using Monitoring.Contracts.Centres;
using Monitoring.Contracts.Network;
using Monitoring.Server.Hosting;

namespace Monitoring.Server.Network;

/// <summary>
/// Loads the network file (<c>Monitoring:NetworkFile</c>) into the facility and centre grains at start. Idempotent:
/// facilities and centres already defined keep their place; names follow the file. Edits made later through the
/// operator API stay, since nothing is deleted.
/// </summary>
public sealed class NetworkSeeding(ServerOptions options, IGrainFactory grains, IHostEnvironment environment, ILogger<NetworkSeeding> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.NetworkFile)) return;
        string path = Path.Combine(environment.ContentRootPath, options.NetworkFile);
        if (!File.Exists(path)) path = Path.Combine(AppContext.BaseDirectory, options.NetworkFile);
        NetworkFile network = NetworkFile.Read(path);
        foreach (NetworkFile.Facility f in network.Facilities)
        {
            await grains.GetGrain<IFacilityGrain>(f.Id).DefineAsync(new FacilityDefinition { FacilityId = f.Id, Name = f.Name, Tier = f.Tier, ParentId = f.Parent });
        }
        foreach (NetworkFile.Centre c in network.Centres)
        {
            await grains.GetGrain<ICentreGrain>(c.Id).DefineAsync(c.Name, c.Facility);
        }
        logger.LogInformation("Network loaded from {File}: {Facilities} facilities, {Centres} centres.", options.NetworkFile, network.Facilities.Count, network.Centres.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
