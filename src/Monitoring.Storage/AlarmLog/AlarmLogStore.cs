using Azure.Data.Tables;

namespace Monitoring.Storage.AlarmLog;

/// <summary>
/// The alarm and event log on Azure Tables. Each entry is stored twice, in its patient's partition
/// (<c>p|{patient}</c>) and in its centre's (<c>c|{centre}</c>), so that both "this patient's events" and "everything
/// at this central station" are range reads on one partition. RowKey = <c>{UTC ticks}|{patient}|{event id}</c>:
/// time-ordered, and the same event logged twice lands on the same row (upsert).
/// </summary>
public sealed class AlarmLogStore
{
    /// <summary>An append touches two partitions; a batch of entries for one centre rarely more.</summary>
    private const int MaxConcurrentTransactions = 4;

    private readonly TableClient _table;

    public AlarmLogStore(AlarmLogOptions options) => _table = options.CreateTableClient();

    /// <summary>Creates the table if it does not exist.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Logs <paramref name="entries"/>, one entity group transaction per partition and up to 100 entries.</summary>
    public Task AppendAsync(IEnumerable<AlarmLogEntry> entries, CancellationToken cancellationToken = default)
    {
        var partitions = new Dictionary<string, Dictionary<string, ITableEntity>>(StringComparer.Ordinal);
        foreach (AlarmLogEntry entry in entries)
        {
            TableKeys.RequireId(entry.PatientId, nameof(entry.PatientId));
            TableKeys.RequireId(entry.CentreId, nameof(entry.CentreId));
            TableKeys.RequireId(entry.EventId, nameof(entry.EventId));
            Add(partitions, ToEntity(PatientPartition(entry.PatientId), entry));
            Add(partitions, ToEntity(CentrePartition(entry.CentreId), entry));
        }
        return TableTransactions.SubmitAsync(
            _table,
            TableTransactions.Build(partitions.Values.Select(rows => rows.Values), TableTransactionActionType.UpsertReplace),
            MaxConcurrentTransactions,
            cancellationToken);
    }

    /// <summary>One patient's entries from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), oldest first.</summary>
    public Task<IReadOnlyList<AlarmLogEntry>> QueryPatientAsync(
        string patientId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        QueryAsync(PatientPartition(TableKeys.RequireId(patientId, nameof(patientId))), from, to, cancellationToken);

    /// <summary>All entries of one centre's patients in the range, oldest first.</summary>
    public Task<IReadOnlyList<AlarmLogEntry>> QueryCentreAsync(
        string centreId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        QueryAsync(CentrePartition(TableKeys.RequireId(centreId, nameof(centreId))), from, to, cancellationToken);

    private async Task<IReadOnlyList<AlarmLogEntry>> QueryAsync(
        string partitionKey, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // "{ticks}|..." sorts after "{ticks}", so [from, to) on the time prefix is [Ticks(from), Ticks(to)) on RowKey.
        string filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partitionKey} and RowKey ge {TableKeys.Ticks(from)} and RowKey lt {TableKeys.Ticks(to)}");
        var entries = new List<AlarmLogEntry>();
        await foreach (TableEntity entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            entries.Add(FromEntity(entity));
        }
        return entries;
    }

    private static string PatientPartition(string patientId) => "p|" + patientId;

    private static string CentrePartition(string centreId) => "c|" + centreId;

    private static void Add(Dictionary<string, Dictionary<string, ITableEntity>> partitions, TableEntity entity)
    {
        if (!partitions.TryGetValue(entity.PartitionKey, out Dictionary<string, ITableEntity>? rows))
        {
            partitions[entity.PartitionKey] = rows = new Dictionary<string, ITableEntity>(StringComparer.Ordinal);
        }
        rows[entity.RowKey] = entity;
    }

    private static TableEntity ToEntity(string partitionKey, AlarmLogEntry entry) =>
        new(partitionKey, $"{TableKeys.Ticks(entry.Time)}{TableKeys.Separator}{entry.PatientId}{TableKeys.Separator}{entry.EventId}")
        {
            [nameof(AlarmLogEntry.PatientId)] = entry.PatientId,
            [nameof(AlarmLogEntry.CentreId)] = entry.CentreId,
            [nameof(AlarmLogEntry.EventId)] = entry.EventId,
            [nameof(AlarmLogEntry.Kind)] = entry.Kind.ToString(),
            [nameof(AlarmLogEntry.Condition)] = entry.Condition,
            [nameof(AlarmLogEntry.Priority)] = entry.Priority.ToString(),
            [nameof(AlarmLogEntry.Detail)] = entry.Detail,
        };

    private static AlarmLogEntry FromEntity(TableEntity entity) => new(
        Required(entity, nameof(AlarmLogEntry.PatientId)),
        Required(entity, nameof(AlarmLogEntry.CentreId)),
        // The exact time is the RowKey's tick prefix (a DateTime property would round it on some services).
        TableKeys.ParseTicks(entity.RowKey.AsSpan(0, entity.RowKey.IndexOf(TableKeys.Separator))),
        Required(entity, nameof(AlarmLogEntry.EventId)),
        Enum.Parse<AlarmLogEventKind>(Required(entity, nameof(AlarmLogEntry.Kind))),
        Required(entity, nameof(AlarmLogEntry.Condition)),
        Enum.Parse<AlarmPriority>(Required(entity, nameof(AlarmLogEntry.Priority))),
        entity.GetString(nameof(AlarmLogEntry.Detail)));

    private static string Required(TableEntity entity, string property) =>
        entity.GetString(property) ?? throw new InvalidDataException($"Alarm log entity {entity.PartitionKey}/{entity.RowKey} has no '{property}'.");
}
