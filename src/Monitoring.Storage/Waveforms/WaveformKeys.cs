namespace Monitoring.Storage.Waveforms;

/// <summary>
/// The waveform table's keys. Data: PartitionKey <c>w|{patient}|{yyyyMMddHH}</c> (the UTC hour of the segment start),
/// RowKey <c>{start in UTC ticks}|{sample count}</c> (built by the store); beside the data, one fence row per device,
/// RowKey <c>~fence|{device}</c>, which sorts after every data row (see <see cref="StoredBatches"/>). Hour index (what retention walks): PartitionKey <c>h|{yyyyMMddHH}</c>, RowKey the
/// patient, one entity per patient with data in that hour.
/// </summary>
internal static class WaveformKeys
{
    public const string IndexPrefix = "h|";

    public static DateTimeOffset HourOf(DateTimeOffset time) => TableKeys.HourOf(time);

    public static string DataPartition(string patientId, DateTimeOffset hour) => $"w|{patientId}|{TableKeys.Hour(hour)}";

    public static string IndexPartition(DateTimeOffset hour) => IndexPrefix + TableKeys.Hour(hour);

    public static DateTimeOffset ParseIndexPartition(string partitionKey) => TableKeys.ParseHour(partitionKey.AsSpan(IndexPrefix.Length));
}
