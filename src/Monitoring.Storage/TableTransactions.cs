using Azure.Data.Tables;

namespace Monitoring.Storage;

/// <summary>
/// Groups entities into entity group transactions: one partition each, at most 100 operations and 4 MiB of request
/// (binary properties travel base64-encoded, a third larger, so the budget below leaves room for that and the keys).
/// </summary>
internal static class TableTransactions
{
    public const int MaxActions = 100;
    private const long MaxEstimatedBytes = 3L * 1024 * 1024;
    private const int EntityOverheadBytes = 1024;

    /// <param name="partitions">Entities grouped by PartitionKey, each RowKey once per group (a transaction
    /// rejects the same entity twice).</param>
    public static IEnumerable<List<TableTransactionAction>> Build(
        IEnumerable<IEnumerable<ITableEntity>> partitions, TableTransactionActionType actionType)
    {
        foreach (IEnumerable<ITableEntity> partition in partitions)
        {
            var batch = new List<TableTransactionAction>();
            long bytes = 0;
            foreach (ITableEntity entity in partition)
            {
                long size = EstimatedBytes(entity);
                if (batch.Count == MaxActions || (batch.Count > 0 && bytes + size > MaxEstimatedBytes))
                {
                    yield return batch;
                    batch = [];
                    bytes = 0;
                }
                batch.Add(new TableTransactionAction(actionType, entity, Azure.ETag.All));
                bytes += size;
            }
            if (batch.Count > 0)
            {
                yield return batch;
            }
        }
    }

    /// <summary>
    /// Submits <paramref name="transactions"/>, up to <paramref name="concurrency"/> at a time. A group of one entity to
    /// add, upsert or update goes as a plain single-entity request: it is as atomic and fails the same way, and a
    /// multipart transaction costs the service more (on Azurite a one-entity transaction took twice as long as an
    /// upsert). A delete stays a transaction: alone, deleting a missing entity would succeed instead of failing.
    /// </summary>
    public static Task SubmitAsync(
        TableClient table, IEnumerable<List<TableTransactionAction>> transactions, int concurrency, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            transactions,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (batch, token) =>
            {
                if (batch is [{ ActionType: not TableTransactionActionType.Delete } single]) await SubmitOneAsync(table, single, token);
                else await table.SubmitTransactionAsync(batch, token);
            });

    private static Task SubmitOneAsync(TableClient table, TableTransactionAction action, CancellationToken cancellationToken)
    {
        ITableEntity entity = action.Entity;
        return action.ActionType switch
        {
            TableTransactionActionType.Add => table.AddEntityAsync(entity, cancellationToken),
            TableTransactionActionType.UpsertReplace => table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken),
            TableTransactionActionType.UpsertMerge => table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken),
            TableTransactionActionType.UpdateReplace => table.UpdateEntityAsync(entity, action.ETag, TableUpdateMode.Replace, cancellationToken),
            TableTransactionActionType.UpdateMerge => table.UpdateEntityAsync(entity, action.ETag, TableUpdateMode.Merge, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action.ActionType, "Only adds, upserts and updates go as single-entity requests."),
        };
    }

    private static long EstimatedBytes(ITableEntity entity)
    {
        long bytes = EntityOverheadBytes;
        if (entity is IDictionary<string, object> properties)
        {
            foreach (KeyValuePair<string, object> property in properties)
            {
                if (property.Value is byte[] binary)
                {
                    bytes += binary.Length * 4L / 3;
                }
            }
        }
        return bytes;
    }
}
