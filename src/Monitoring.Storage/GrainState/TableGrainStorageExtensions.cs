using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace Monitoring.Storage.GrainState;

public static class TableGrainStorageExtensions
{
    /// <summary>
    /// Registers a <see cref="TableGrainStorage"/> under <paramref name="name"/>, the storage name grains give in
    /// <c>[PersistentState(stateName, storageName)]</c>. The silo creates the table at start.
    /// </summary>
    public static ISiloBuilder AddAzureTableGrainStorage(this ISiloBuilder builder, string name, Action<TableGrainStorageOptions> configure)
    {
        var options = new TableGrainStorageOptions();
        configure(options);
        builder.Services.AddGrainStorage(name, (services, providerName) => new TableGrainStorage(
            providerName,
            options,
            options.Serializer ?? new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>())));
        return builder;
    }
}
