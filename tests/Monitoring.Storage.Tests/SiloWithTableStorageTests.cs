using Azure.Data.Tables;
using Monitoring.Storage.GrainState;
using Orleans.TestingHost;

namespace Monitoring.Storage.Tests;

/// <summary>The Table grain storage in a real (in-process) Orleans silo.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SiloWithTableStorageTests(AzuriteFixture azurite) : IAsyncLifetime
{
    public const string StorageName = "tables";

    private readonly string _tableName = AzuriteFixture.NewTableName();
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddAzureTableGrainStorage(StorageName, options =>
        {
            options.ConnectionString = azurite.ConnectionString;
            options.TableName = _tableName;
        }));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Persistent_state_survives_deactivation()
    {
        ICounterGrain counter = _cluster.Client.GetGrain<ICounterGrain>("bed-" + Guid.NewGuid().ToString("N"));
        await counter.IncrementAsync();
        await counter.IncrementAsync();
        await counter.IncrementAsync();

        await _cluster.DeactivateAsync(counter);

        Assert.Equal(3, await counter.GetAsync());
        Assert.Equal(4, await counter.IncrementAsync());
        Assert.Equal(1, await RowCountAsync());
    }

    [Fact]
    public async Task Cleared_state_is_gone_after_deactivation()
    {
        ICounterGrain counter = _cluster.Client.GetGrain<ICounterGrain>("bed-" + Guid.NewGuid().ToString("N"));
        await counter.IncrementAsync();
        await counter.ClearAsync();

        await _cluster.DeactivateAsync(counter);

        Assert.Equal(0, await counter.GetAsync());
        Assert.Equal(0, await RowCountAsync());
    }

    private async Task<int> RowCountAsync()
    {
        var table = new TableClient(azurite.ConnectionString, _tableName);
        int rows = 0;
        await foreach (TableEntity _ in table.QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            rows++;
        }
        return rows;
    }
}
