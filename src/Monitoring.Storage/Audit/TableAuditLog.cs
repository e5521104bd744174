using Azure.Data.Tables;
using Monitoring.Grains.Audit;

namespace Monitoring.Storage.Audit;

/// <summary>
/// The append-only audit log on Azure Tables: entries are inserted, never updated or deleted (an insert on an
/// existing key fails). PartitionKey = <c>p|{patient}</c> (or <c>network</c> for actions on no patient);
/// RowKey = <c>{UTC ticks}|{random}</c>, so a patient's entries are a time-ordered range read.
/// </summary>
public sealed class TableAuditLog(AuditLogOptions options) : IAuditLog
{
    private readonly TableClient _table = options.CreateTableClient();

    public Task InitializeAsync(CancellationToken cancellationToken = default) => _table.CreateIfNotExistsAsync(cancellationToken);

    public Task AppendAsync(AuditEntry entry)
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(entry.AtUnixMs);
        var entity = new TableEntity(Partition(entry.PatientId), $"{TableKeys.Ticks(at)}{TableKeys.Separator}{Guid.NewGuid():N}")
        {
            ["At"] = at,
            ["Actor"] = entry.Actor,
            ["Role"] = entry.Role,
            ["CentreId"] = entry.CentreId,
            ["Action"] = entry.Action,
            ["PatientId"] = entry.PatientId,
            ["Target"] = entry.Target,
            ["RemoteAddress"] = entry.RemoteAddress,
            ["Outcome"] = entry.Outcome,
        };
        return _table.AddEntityAsync(entity);
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadPatientAsync(string patientId, long fromUnixMs, long toUnixMs)
    {
        string filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {Partition(patientId)} and RowKey ge {TableKeys.Ticks(DateTimeOffset.FromUnixTimeMilliseconds(fromUnixMs))} and RowKey lt {TableKeys.Ticks(DateTimeOffset.FromUnixTimeMilliseconds(toUnixMs))}");
        var entries = new List<AuditEntry>();
        await foreach (TableEntity e in _table.QueryAsync<TableEntity>(filter))
        {
            entries.Add(new AuditEntry
            {
                AtUnixMs = e.GetDateTimeOffset("At")!.Value.ToUnixTimeMilliseconds(),
                Actor = e.GetString("Actor"),
                Role = e.GetString("Role"),
                CentreId = e.GetString("CentreId"),
                Action = e.GetString("Action"),
                PatientId = e.GetString("PatientId"),
                Target = e.GetString("Target"),
                RemoteAddress = e.GetString("RemoteAddress"),
                Outcome = e.GetString("Outcome"),
            });
        }
        return entries;
    }

    private static string Partition(string? patientId) =>
        patientId is null ? "network" : "p" + TableKeys.Separator + TableKeys.RequireId(patientId, nameof(patientId));
}
