using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace Monitoring.Storage.AlarmLog;

/// <summary>
/// The alarm and event log on Azure Tables, in hour partitions. An entry lives in its patient's hour,
/// PartitionKey <c>p|{patient}|{yyyyMMddHH}</c>, RowKey <c>{UTC ticks}|{patient}|{event id}</c>: time-ordered, and the
/// same event logged twice lands on the same row (upsert). Beside it, each centre has an hour index,
/// PartitionKey <c>c|{centre}|{yyyyMMddHH}</c>, RowKey the patient: which of its patients logged anything in that hour,
/// so that "everything at this central station" reads the index and then those patients' hours.
/// Why hours and an index rather than one partition per patient and a second copy of every entry per centre: a
/// partition then grows for ever, and a centre's takes every alarm change of all its patients. Azure rates one
/// partition at about 2,000 entities/s, and Azurite's upsert scans the whole partition, so with one partition per
/// centre every alarm write grew slower as the log grew (a 250-device load test fell behind after 2.5 minutes).
/// </summary>
public sealed class AlarmLogStore
{
    /// <summary>Concurrent reads of one query (hour partitions, patients of a centre) and concurrent transactions.</summary>
    private const int MaxConcurrentRequests = 8;

    private const string PatientPrefix = "p|";
    private const string CentrePrefix = "c|";

    private readonly TableClient _table;

    /// <summary>The newest hour whose centre index entry each (centre, patient) has, so an append normally costs one
    /// transaction: the index is written when a patient first logs in an hour.</summary>
    private readonly ConcurrentDictionary<(string CentreId, string PatientId), DateTimeOffset> _indexedHour = new();

    public AlarmLogStore(AlarmLogOptions options) => _table = options.CreateTableClient();

    /// <summary>Creates the table if it does not exist.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Logs <paramref name="entries"/>, one entity group transaction per partition and up to 100 entries.</summary>
    public async Task AppendAsync(IEnumerable<AlarmLogEntry> entries, CancellationToken cancellationToken = default)
    {
        var partitions = new Dictionary<string, Dictionary<string, ITableEntity>>(StringComparer.Ordinal);
        var index = new Dictionary<string, Dictionary<string, ITableEntity>>(StringComparer.Ordinal);
        var newHours = new Dictionary<(string CentreId, string PatientId), DateTimeOffset>();
        foreach (AlarmLogEntry entry in entries)
        {
            TableKeys.RequireId(entry.PatientId, nameof(entry.PatientId));
            TableKeys.RequireId(entry.CentreId, nameof(entry.CentreId));
            TableKeys.RequireId(entry.EventId, nameof(entry.EventId));
            DateTimeOffset hour = TableKeys.HourOf(entry.Time);
            Add(partitions, ToEntity(PatientPartition(entry.PatientId, hour), entry));
            var centrePatient = (entry.CentreId, entry.PatientId);
            if (!(_indexedHour.TryGetValue(centrePatient, out DateTimeOffset indexed) && indexed == hour))
            {
                Add(index, new TableEntity(CentrePartition(entry.CentreId, hour), entry.PatientId));
                if (!newHours.TryGetValue(centrePatient, out DateTimeOffset newest) || hour > newest) newHours[centrePatient] = hour;
            }
        }

        // Index first: a failure in between leaves an index entry without entries (harmless), never entries a
        // centre's query cannot find.
        await SubmitAsync(index, cancellationToken);
        await SubmitAsync(partitions, cancellationToken);
        foreach (((string CentreId, string PatientId) centrePatient, DateTimeOffset hour) in newHours)
        {
            _indexedHour.AddOrUpdate(centrePatient, hour, (_, known) => hour > known ? hour : known);
        }
    }

    /// <summary>One patient's entries from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), oldest first.</summary>
    public async Task<IReadOnlyList<AlarmLogEntry>> QueryPatientAsync(
        string patientId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        TableKeys.RequireId(patientId, nameof(patientId));
        List<DateTimeOffset> hours = TableKeys.HoursOverlapping(from, to);
        var byHour = new List<(string RowKey, AlarmLogEntry Entry)>[hours.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, hours.Count), Parallelism(cancellationToken),
            async (i, token) => byHour[i] = await QueryPartitionAsync(PatientPartition(patientId, hours[i]), from, to, token));
        // Hours in order, rows in RowKey (time) order within each.
        return byHour.SelectMany(rows => rows).Select(row => row.Entry).ToList();
    }

    /// <summary>All entries of one centre's patients in the range, oldest first (a patient moved to another centre
    /// within the range shows only the entries logged while this centre watched it).</summary>
    public async Task<IReadOnlyList<AlarmLogEntry>> QueryCentreAsync(
        string centreId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        TableKeys.RequireId(centreId, nameof(centreId));
        var patientHours = new List<(string PatientId, DateTimeOffset Hour)>();
        foreach (DateTimeOffset hour in TableKeys.HoursOverlapping(from, to))
        {
            await foreach (TableEntity row in _table.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {CentrePartition(centreId, hour)}"), select: ["RowKey"], cancellationToken: cancellationToken))
            {
                patientHours.Add((row.RowKey, hour));
            }
        }
        var found = new List<(string RowKey, AlarmLogEntry Entry)>[patientHours.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, patientHours.Count), Parallelism(cancellationToken),
            async (i, token) => found[i] = await QueryPartitionAsync(PatientPartition(patientHours[i].PatientId, patientHours[i].Hour), from, to, token));
        return found
            .SelectMany(rows => rows)
            .Where(row => row.Entry.CentreId == centreId)
            .OrderBy(row => row.RowKey, StringComparer.Ordinal)
            .Select(row => row.Entry)
            .ToList();
    }

    private async Task<List<(string RowKey, AlarmLogEntry Entry)>> QueryPartitionAsync(
        string partitionKey, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // "{ticks}|..." sorts after "{ticks}", so [from, to) on the time prefix is [Ticks(from), Ticks(to)) on RowKey.
        string filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partitionKey} and RowKey ge {TableKeys.Ticks(from)} and RowKey lt {TableKeys.Ticks(to)}");
        var entries = new List<(string RowKey, AlarmLogEntry Entry)>();
        await foreach (TableEntity entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            entries.Add((entity.RowKey, FromEntity(entity)));
        }
        return entries;
    }

    private Task SubmitAsync(Dictionary<string, Dictionary<string, ITableEntity>> partitions, CancellationToken cancellationToken) =>
        TableTransactions.SubmitAsync(
            _table,
            TableTransactions.Build(partitions.Values.Select(rows => rows.Values), TableTransactionActionType.UpsertReplace),
            MaxConcurrentRequests,
            cancellationToken);

    private static ParallelOptions Parallelism(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = MaxConcurrentRequests, CancellationToken = cancellationToken };

    private static string PatientPartition(string patientId, DateTimeOffset hour) => $"{PatientPrefix}{patientId}{TableKeys.Separator}{TableKeys.Hour(hour)}";

    private static string CentrePartition(string centreId, DateTimeOffset hour) => $"{CentrePrefix}{centreId}{TableKeys.Separator}{TableKeys.Hour(hour)}";

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
