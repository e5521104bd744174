using Monitoring.Storage.Escalations;

namespace Monitoring.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class EscalatedAlarmIndexTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly TableEscalatedAlarmIndex _index = new(new EscalatedAlarmIndexOptions
    {
        ConnectionString = azurite.ConnectionString,
        TableName = AzuriteFixture.NewTableName(),
    });

    public Task InitializeAsync() => _index.InitializeAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_centre_lists_the_alarms_escalated_to_it_and_not_yet_removed()
    {
        await _index.AddAsync("county-a", "pat-1/3", "pat-1");
        await _index.AddAsync("county-a", "pat-2/7", "pat-2");
        await _index.AddAsync("county-b", "pat-3/1", "pat-3");
        await _index.RemoveAsync("county-a", "pat-1/3");

        Assert.Equal(new Dictionary<string, string> { ["pat-2/7"] = "pat-2" }, await _index.ListAsync("county-a"));
        Assert.Equal(new Dictionary<string, string> { ["pat-3/1"] = "pat-3" }, await _index.ListAsync("county-b"));
        Assert.Empty(await _index.ListAsync("county-c"));
    }

    [Fact]
    public async Task Adding_twice_and_removing_what_is_not_there_are_harmless()
    {
        await _index.AddAsync("city-a", "pat-4/1", "pat-4");
        await _index.AddAsync("city-a", "pat-4/1", "pat-4");
        await _index.RemoveAsync("city-a", "pat-9/9");

        Assert.Equal(new Dictionary<string, string> { ["pat-4/1"] = "pat-4" }, await _index.ListAsync("city-a"));
    }

    [Fact]
    public async Task Thousands_of_open_alarms_at_one_centre_cost_one_small_row_each()
    {
        // The load that broke the old list in the centre's grain state: a province centre nobody answers.
        for (int i = 0; i < 2000; i += 100)
        {
            await Task.WhenAll(Enumerable.Range(i, 100).Select(n => _index.AddAsync("province", $"pat-{n % 400}/{n}", $"pat-{n % 400}")));
        }

        Dictionary<string, string> listed = await _index.ListAsync("province");
        Assert.Equal(2000, listed.Count);
        Assert.Equal("pat-7", listed["pat-7/1207"]);
    }
}
