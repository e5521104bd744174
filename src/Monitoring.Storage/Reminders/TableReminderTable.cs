using Azure;
using Azure.Data.Tables;

namespace Monitoring.Storage.Reminders;

/// <summary>
/// Orleans' durable reminder table on Azure Tables (the Orleans Azure Storage reminder package is not available
/// here). One entity per reminder: PartitionKey = the grain's uniform hash bucket, RowKey = escaped grain id and
/// reminder name; the full uniform hash is stored so that each silo reads the reminders of its ring range.
/// </summary>
public sealed class TableReminderTable(TableReminderOptions options) : IReminderTable
{
    private readonly TableClient _table = options.CreateTableClient();

    public Task Init() => _table.CreateIfNotExistsAsync();

    public async Task<ReminderTableData> ReadRows(GrainId grainId)
    {
        string partition = Partition(grainId);
        string id = grainId.ToString();
        var entries = new List<ReminderEntry>();
        await foreach (TableEntity entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == partition && e.GetString("GrainId") == id))
            entries.Add(ToEntry(entity));
        return new ReminderTableData(entries);
    }

    /// <summary>Reminders whose grain hash lies in the ring range (begin, end]; a range with begin >= end wraps around.</summary>
    public async Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        var entries = new List<ReminderEntry>();
        await foreach (TableEntity entity in _table.QueryAsync<TableEntity>())
        {
            uint hash = (uint)entity.GetInt64("GrainHash")!.Value;
            bool inRange = begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
            if (inRange) entries.Add(ToEntry(entity));
        }
        return new ReminderTableData(entries);
    }

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        NullableResponse<TableEntity> response = await _table.GetEntityIfExistsAsync<TableEntity>(Partition(grainId), Row(grainId, reminderName));
        return response.HasValue && response.Value is { } entity ? ToEntry(entity) : null;
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        var entity = new TableEntity(Partition(entry.GrainId), Row(entry.GrainId, entry.ReminderName))
        {
            ["GrainId"] = entry.GrainId.ToString(),
            ["GrainHash"] = (long)entry.GrainId.GetUniformHashCode(),
            ["ReminderName"] = entry.ReminderName,
            ["StartAt"] = new DateTimeOffset(DateTime.SpecifyKind(entry.StartAt, DateTimeKind.Utc)),
            ["PeriodTicks"] = entry.Period.Ticks,
        };
        Response response = await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace);
        return response.Headers.ETag?.ToString();
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        try
        {
            // The SDK does not throw for a missing entity: it answers 404.
            Response response = await _table.DeleteEntityAsync(Partition(grainId), Row(grainId, reminderName), new ETag(eTag));
            return response.Status != 404;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    public async Task TestOnlyClearTable()
    {
        await foreach (TableEntity entity in _table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            await _table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey);
    }

    private static ReminderEntry ToEntry(TableEntity entity) => new()
    {
        GrainId = GrainId.Parse(entity.GetString("GrainId")),
        ReminderName = entity.GetString("ReminderName"),
        StartAt = entity.GetDateTimeOffset("StartAt")!.Value.UtcDateTime,
        Period = TimeSpan.FromTicks(entity.GetInt64("PeriodTicks")!.Value),
        ETag = entity.ETag.ToString(),
    };

    /// <summary>256 partitions by the top byte of the grain's uniform hash.</summary>
    private static string Partition(GrainId grainId) => (grainId.GetUniformHashCode() >> 24).ToString("x2");

    private static string Row(GrainId grainId, string reminderName) =>
        TableKeys.Escape(grainId.ToString()) + TableKeys.Separator + TableKeys.Escape(reminderName);
}
