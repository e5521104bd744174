using Azure;
using Azure.Data.Tables;
using Monitoring.Grains.Centres;

namespace Monitoring.Storage.Escalations;

/// <summary>
/// <see cref="IEscalatedAlarmIndex"/> on Azure Tables: PartitionKey the centre, RowKey the escalated alarm's id (escaped:
/// alarm ids hold '/'), with the alarm and patient ids as properties.
/// </summary>
public sealed class TableEscalatedAlarmIndex(EscalatedAlarmIndexOptions options) : IEscalatedAlarmIndex
{
    private const string AlarmProperty = "AlarmId";
    private const string PatientProperty = "PatientId";

    private readonly TableClient _table = options.CreateTableClient();

    /// <summary>Creates the table if it does not exist.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _table.CreateIfNotExistsAsync(cancellationToken);

    public Task AddAsync(string centreId, string alarmId, string patientId) =>
        _table.UpsertEntityAsync(
            new TableEntity(Partition(centreId), TableKeys.Escape(alarmId)) { [AlarmProperty] = alarmId, [PatientProperty] = patientId },
            TableUpdateMode.Replace);

    public Task RemoveAsync(string centreId, string alarmId) =>
        // Deleting a row that is not there succeeds (the SDK treats 404 as done).
        _table.DeleteEntityAsync(Partition(centreId), TableKeys.Escape(alarmId), ETag.All);

    public async Task<Dictionary<string, string>> ListAsync(string centreId)
    {
        var alarms = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (TableEntity row in _table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {Partition(centreId)}"), select: [AlarmProperty, PatientProperty]))
        {
            alarms[row.GetString(AlarmProperty) ?? throw Corrupt(row, AlarmProperty)] = row.GetString(PatientProperty) ?? throw Corrupt(row, PatientProperty);
        }
        return alarms;
    }

    private static string Partition(string centreId) => TableKeys.RequireId(centreId, nameof(centreId));

    private static InvalidDataException Corrupt(TableEntity row, string property) =>
        new($"Escalated alarm {row.PartitionKey}/{row.RowKey} has no '{property}'.");
}
