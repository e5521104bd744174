using System.Globalization;

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

    private const string HourFormat = "yyyyMMddHH";

    public static DateTimeOffset HourOf(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero);

    public static string DataPartition(string patientId, DateTimeOffset hour) => $"w|{patientId}|{Format(hour)}";

    public static string IndexPartition(DateTimeOffset hour) => IndexPrefix + Format(hour);

    public static DateTimeOffset ParseIndexPartition(string partitionKey) =>
        DateTimeOffset.ParseExact(partitionKey.AsSpan(IndexPrefix.Length), HourFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal);

    private static string Format(DateTimeOffset hour) => hour.UtcDateTime.ToString(HourFormat, CultureInfo.InvariantCulture);
}
