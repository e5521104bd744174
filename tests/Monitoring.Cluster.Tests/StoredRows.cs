using Azure.Data.Tables;

namespace Monitoring.Cluster.Tests;

/// <summary>
/// The full-disclosure rows of one patient as stored, without the read path's merging (which hides overlapping
/// rows): RowKey <c>{start in UTC ticks}|{sample count}</c>, property <c>Samples</c>, in partitions
/// <c>w|{patient}|{yyyyMMddHH}</c> (see Monitoring.Storage's WaveformKeys), beside one fence row per device
/// (RowKey <c>~fence|{device}</c>).
/// </summary>
public static class StoredRows
{
    public sealed record Row(long StartTicks, int SampleCount, int RateHz)
    {
        public long EndTicks => StartTicks + SampleCount * TimeSpan.TicksPerSecond / RateHz;
    }

    public static async Task<List<Row>> ReadAsync(string connectionString, string tableName, string patientId)
    {
        var table = new TableClient(connectionString, tableName);
        string prefix = $"w|{patientId}|";
        string filter = TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {prefix + "~"}");
        var rows = new List<Row>();
        await foreach (TableEntity entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "Rate", "Samples"]))
        {
            if (entity.RowKey.StartsWith('~')) continue; // the fence rows (which batches each device has stored)
            string ticks = entity.RowKey[..entity.RowKey.IndexOf('|')];
            rows.Add(new Row(long.Parse(ticks), entity.GetInt32("Samples")!.Value, entity.GetInt32("Rate")!.Value));
        }
        rows.Sort((a, b) => a.StartTicks.CompareTo(b.StartTicks));
        return rows;
    }
}
