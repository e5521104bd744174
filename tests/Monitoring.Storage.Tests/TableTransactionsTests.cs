using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace Monitoring.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TableTransactionsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly RequestCounter _requests = new();
    private TableClient _table = null!;

    public Task InitializeAsync()
    {
        var options = new TableClientOptions();
        options.AddPolicy(_requests, HttpPipelinePosition.PerCall);
        _table = new TableClient(azurite.ConnectionString, AzuriteFixture.NewTableName(), options);
        return _table.CreateIfNotExistsAsync();
    }

    public Task DisposeAsync() => _table.DeleteAsync();

    [Fact]
    public async Task A_group_of_one_entity_goes_as_a_single_request_and_larger_groups_as_transactions()
    {
        _requests.Reset();

        await SubmitAsync(
            TableTransactionActionType.UpsertReplace,
            [new TableEntity("a", "1")],
            [new TableEntity("b", "1")],
            [new TableEntity("c", "1"), new TableEntity("c", "2")]);

        Assert.Equal(3, _requests.Total);
        Assert.Equal(1, _requests.Transactions);
        Assert.Equal(["1", "1", "1", "2"], await RowKeysAsync());
    }

    [Fact]
    public async Task A_lone_add_of_an_existing_entity_fails_as_in_a_transaction()
    {
        await _table.AddEntityAsync(new TableEntity("p", "taken") { ["Value"] = "first" });

        var error = await Assert.ThrowsAnyAsync<RequestFailedException>(() =>
            SubmitAsync(TableTransactionActionType.Add, [new TableEntity("p", "taken") { ["Value"] = "second" }]));

        Assert.Equal(409, error.Status);
        Assert.Equal("first", (await _table.GetEntityAsync<TableEntity>("p", "taken")).Value.GetString("Value"));
    }

    [Fact]
    public async Task A_lone_update_with_a_stale_etag_fails_as_in_a_transaction()
    {
        await _table.AddEntityAsync(new TableEntity("p", "row") { ["Value"] = "first" });
        ETag stale = (await _table.GetEntityAsync<TableEntity>("p", "row")).Value.ETag;
        await _table.UpsertEntityAsync(new TableEntity("p", "row") { ["Value"] = "second" }, TableUpdateMode.Replace);

        var update = new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity("p", "row") { ["Value"] = "third" }, stale);
        var error = await Assert.ThrowsAnyAsync<RequestFailedException>(() =>
            TableTransactions.SubmitAsync(_table, [[update]], concurrency: 1, CancellationToken.None));

        Assert.Equal(412, error.Status);
        Assert.Equal("second", (await _table.GetEntityAsync<TableEntity>("p", "row")).Value.GetString("Value"));
    }

    [Fact]
    public async Task A_lone_delete_of_a_missing_entity_still_fails()
    {
        var error = await Assert.ThrowsAnyAsync<RequestFailedException>(() =>
            SubmitAsync(TableTransactionActionType.Delete, [new TableEntity("p", "missing")]));

        Assert.Equal(404, error.Status);
    }

    private Task SubmitAsync(TableTransactionActionType actionType, params ITableEntity[][] partitions) =>
        TableTransactions.SubmitAsync(_table, TableTransactions.Build(partitions, actionType), concurrency: 1, CancellationToken.None);

    private async Task<List<string>> RowKeysAsync()
    {
        var rowKeys = new List<string>();
        await foreach (TableEntity entity in _table.QueryAsync<TableEntity>()) rowKeys.Add(entity.RowKey);
        return rowKeys;
    }

    /// <summary>Counts the requests the client sends, and among them the entity group transactions ($batch).</summary>
    private sealed class RequestCounter : HttpPipelineSynchronousPolicy
    {
        private int _total, _transactions;

        public int Total => _total;

        public int Transactions => _transactions;

        public void Reset() => _total = _transactions = 0;

        public override void OnSendingRequest(HttpMessage message)
        {
            Interlocked.Increment(ref _total);
            if (message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal)) Interlocked.Increment(ref _transactions);
        }
    }
}
