using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Storage.GrainState;
using Orleans.Serialization;
using Orleans.Storage;

namespace Monitoring.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TableGrainStorageTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string StateName = "monitor";

    private readonly TableGrainStorageOptions _options = new()
    {
        ConnectionString = azurite.ConnectionString,
        TableName = AzuriteFixture.NewTableName(),
    };

    private TableGrainStorage _storage = null!;

    public async Task InitializeAsync()
    {
        ServiceProvider services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        _storage = new TableGrainStorage("test", _options, new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()));
        await _storage.InitializeAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Reading_a_grain_that_never_wrote_finds_no_record()
    {
        var state = new GrainState<TestState>(new TestState { Counter = 7 });

        await _storage.ReadStateAsync(StateName, NewGrainId(), state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(7, state.State!.Counter); // the default state Orleans created is left alone
    }

    [Fact]
    public async Task Written_state_reads_back_with_its_etag()
    {
        GrainId grain = NewGrainId();
        var written = new GrainState<TestState>(new TestState { Counter = 42, Note = "bed 12 / ICU" });

        await _storage.WriteStateAsync(StateName, grain, written);
        var read = new GrainState<TestState>(new TestState());
        await _storage.ReadStateAsync(StateName, grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(42, read.State!.Counter);
        Assert.Equal("bed 12 / ICU", read.State!.Note);
        Assert.NotNull(written.ETag);
        Assert.Equal(written.ETag, read.ETag);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_raises_InconsistentStateException()
    {
        GrainId grain = NewGrainId();
        var first = new GrainState<TestState>(new TestState { Counter = 1 });
        await _storage.WriteStateAsync(StateName, grain, first);
        var second = new GrainState<TestState>(new TestState());
        await _storage.ReadStateAsync(StateName, grain, second);

        second.State!.Counter = 2;
        await _storage.WriteStateAsync(StateName, grain, second); // the other activation wins
        first.State!.Counter = 3;

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, grain, first));
        var stored = new GrainState<TestState>(new TestState());
        await _storage.ReadStateAsync(StateName, grain, stored);
        Assert.Equal(2, stored.State!.Counter);
    }

    [Fact]
    public async Task A_first_write_over_state_another_activation_wrote_raises_InconsistentStateException()
    {
        GrainId grain = NewGrainId();
        await _storage.WriteStateAsync(StateName, grain, new GrainState<TestState>(new TestState { Counter = 1 }));

        var unaware = new GrainState<TestState>(new TestState { Counter = 5 }); // no ETag: believes nothing is stored

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, grain, unaware));
    }

    [Fact]
    public async Task Clear_deletes_the_record_and_a_stale_clear_is_rejected()
    {
        GrainId grain = NewGrainId();
        var state = new GrainState<TestState>(new TestState { Counter = 1 });
        await _storage.WriteStateAsync(StateName, grain, state);
        string? firstEtag = state.ETag;
        await _storage.WriteStateAsync(StateName, grain, state);

        var stale = new GrainState<TestState>(new TestState()) { ETag = firstEtag, RecordExists = true };
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.ClearStateAsync(StateName, grain, stale));

        await _storage.ClearStateAsync(StateName, grain, state);
        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        var read = new GrainState<TestState>(new TestState());
        await _storage.ReadStateAsync(StateName, grain, read);
        Assert.False(read.RecordExists);

        await _storage.WriteStateAsync(StateName, grain, state); // after a clear, writing starts afresh
        Assert.True(state.RecordExists);
    }

    [Fact]
    public async Task State_larger_than_one_property_is_split_and_a_smaller_rewrite_leaves_no_stale_parts()
    {
        GrainId grain = NewGrainId();
        var random = new Random(5);
        var large = new TestState { Blob = new byte[300_000] };
        random.NextBytes(large.Blob);
        var state = new GrainState<TestState>(large);

        await _storage.WriteStateAsync(StateName, grain, state);
        var read = new GrainState<TestState>(new TestState());
        await _storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal(large.Blob, read.State!.Blob);
        Assert.True(await PropertyCountAsync(grain) >= 5);

        state.State = new TestState { Blob = [1, 2, 3] };
        await _storage.WriteStateAsync(StateName, grain, state);
        await _storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal([1, 2, 3], read.State!.Blob);
        Assert.Equal(1, await PropertyCountAsync(grain));
    }

    [Fact]
    public async Task State_beyond_the_entity_limit_is_rejected_with_a_clear_error()
    {
        var state = new GrainState<TestState>(new TestState { Blob = new byte[1_000_000] });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _storage.WriteStateAsync(StateName, NewGrainId(), state));

        Assert.Contains("at most 983,040 bytes", error.Message);
        Assert.Contains(StateName, error.Message);
    }

    private async Task<int> PropertyCountAsync(GrainId grain)
    {
        var table = new TableClient(_options.ConnectionString, _options.TableName);
        TableEntity entity = await table.GetEntityAsync<TableEntity>(TableKeys.Escape(grain.ToString()), StateName);
        return entity.Keys.Count(key => key.StartsWith("Data", StringComparison.Ordinal));
    }

    private static GrainId NewGrainId() => GrainId.Create("monitor", Guid.NewGuid().ToString("N"));
}
