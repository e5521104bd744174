using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Storage.Waveforms;

namespace Monitoring.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class WaveformStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const int Rate = 360;

    /// <summary>mitdb 101 placed so that its 30 minutes cross the 10:00 UTC hour boundary.</summary>
    private static readonly DateTimeOffset RecordStart = new(2026, 11, 20, 9, 45, 0, TimeSpan.Zero);

    private readonly WaveformStoreOptions _options = new()
    {
        ConnectionString = azurite.ConnectionString,
        TableName = AzuriteFixture.NewTableName(),
    };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
    private readonly (short[][] Samples, string[] LeadNames, int Rate) _record = MitdbRecords.Read("101");
    private WaveformStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = new WaveformStore(_options, _time);
        await _store.InitializeAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_whole_mitdb_record_reads_back_bit_exact_across_segments_and_hours()
    {
        string patient = NewPatient();
        await _store.WriteAsync(Segments(patient, 0, _record.Samples[0].Length));
        DateTimeOffset recordEnd = RecordStart.AddTicks(_record.Samples[0].Length * TimeSpan.TicksPerSecond / Rate);

        WaveformRange range = await _store.ReadAsync(patient, RecordStart, recordEnd.AddMinutes(1));

        WaveformSpan span = Assert.Single(range.Spans);
        Assert.Equal(RecordStart, span.Start);
        Assert.Equal(_record.LeadNames, span.LeadNames);
        Assert.Equal(_record.Samples[0], span.Samples[0]);
        Assert.Equal(_record.Samples[1], span.Samples[1]);
        // After the record there is nothing, and the store says so rather than padding.
        Assert.Equal([new WaveformGap(recordEnd, recordEnd.AddMinutes(1))], range.Gaps);
    }

    [Theory]
    [InlineData("09:59:57.3", "10:00:12.1")] // across the hour and two segment boundaries
    [InlineData("09:50:00", "09:50:10")] // exactly one segment
    [InlineData("09:50:03.0001", "09:50:03.0100")] // a few samples inside one segment
    [InlineData("09:45:00", "09:46:00")] // from the very first sample
    public async Task Any_partial_range_returns_exactly_the_samples_in_it(string from, string to)
    {
        string patient = NewPatient();
        await _store.WriteAsync(Segments(patient, 0, 20 * 60 * Rate));
        DateTimeOffset rangeFrom = At(from), rangeTo = At(to);

        WaveformRange range = await _store.ReadAsync(patient, rangeFrom, rangeTo);

        int first = (int)Math.Ceiling((rangeFrom - RecordStart).Ticks * (double)Rate / TimeSpan.TicksPerSecond - 1e-9);
        int end = (int)Math.Ceiling((rangeTo - RecordStart).Ticks * (double)Rate / TimeSpan.TicksPerSecond - 1e-9);
        WaveformSpan span = Assert.Single(range.Spans);
        Assert.Equal(_record.Samples[0][first..end], span.Samples[0]);
        Assert.Equal(_record.Samples[1][first..end], span.Samples[1]);
        Assert.Empty(range.Gaps);
    }

    [Fact]
    public async Task Missing_segments_are_reported_as_a_gap_and_not_filled()
    {
        string patient = NewPatient();
        DateTimeOffset missingFrom = At("10:00:20"), missingTo = At("10:00:30");
        await _store.WriteAsync(Segments(patient, 0, 20 * 60 * Rate).Where(segment => segment.Start < missingFrom || segment.Start >= missingTo));

        WaveformRange range = await _store.ReadAsync(patient, At("10:00:10"), At("10:00:40"));

        Assert.Equal([new WaveformGap(missingFrom, missingTo)], range.Gaps);
        Assert.Equal(2, range.Spans.Count);
        Assert.Equal([At("10:00:10"), missingTo], range.Spans.Select(span => span.Start));
        Assert.All(range.Spans, span => Assert.Equal(10 * Rate, span.SampleCount));
    }

    [Fact]
    public async Task A_range_with_no_data_is_one_gap()
    {
        WaveformRange range = await _store.ReadAsync(NewPatient(), At("09:00:00"), At("11:00:00"));

        Assert.Empty(range.Spans);
        Assert.Equal([new WaveformGap(At("09:00:00"), At("11:00:00"))], range.Gaps);
    }

    [Fact]
    public async Task Segments_delivered_again_or_resent_from_another_point_are_not_duplicated()
    {
        string patient = NewPatient();
        int count = 3 * 60 * Rate;
        await _store.WriteAsync(Segments(patient, 0, count));
        await _store.WriteAsync(Segments(patient, 0, count)); // at-least-once delivery: the same batch twice
        await _store.WriteAsync(Segments(patient, 12_345, 30 * Rate)); // re-sent after a restart, from mid-segment

        WaveformRange range = await _store.ReadAsync(patient, RecordStart, RecordStart.AddMinutes(3));

        WaveformSpan span = Assert.Single(range.Spans);
        Assert.Equal(_record.Samples[0][..count], span.Samples[0]);
        Assert.Empty(range.Gaps);
        // 18 segments, plus the re-send's first and last pieces, which are shorter than the segments they overlap.
        Assert.Equal(18 + 2, await RowCountAsync(patient));
    }

    [Fact]
    public async Task Retention_deletes_whole_hours_older_than_72_hours_and_keeps_the_rest()
    {
        string patient = NewPatient();
        DateTimeOffset day = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
        var perHour = new List<WaveformSegment>();
        foreach (int hour in new[] { 6, 7, 8, 9 })
        {
            // One minute at the start of each hour and the last 10 s before the next hour.
            perHour.AddRange(WaveformSegmenter.Split(patient, day.AddHours(hour), 0, Rate, _record.LeadNames, MitdbRecords.Slice(_record.Samples, 0, 60 * Rate)));
            perHour.AddRange(WaveformSegmenter.Split(patient, day.AddHours(hour + 1).AddSeconds(-10), 0, Rate, _record.LeadNames, MitdbRecords.Slice(_record.Samples, 0, 10 * Rate)));
        }
        await _store.WriteAsync(perHour);
        _time.SetUtcNow(day.AddHours(8 + 72).AddMinutes(2)); // 72 h ago was 08:02: hours 06 and 07 are all older

        int deleted = await _store.DeleteExpiredAsync();

        Assert.Equal(2 * 7, deleted);
        WaveformRange range = await _store.ReadAsync(patient, day.AddHours(6), day.AddHours(10));
        // 08:59:50-09:00:00 continues into 09:00:00-09:01:00: one span.
        Assert.Equal([day.AddHours(8), day.AddHours(9).AddSeconds(-10), day.AddHours(10).AddSeconds(-10)],
            range.Spans.Select(span => span.Start));
        Assert.Equal(day.AddHours(6), range.Gaps[0].From);
        Assert.Equal(day.AddHours(8), range.Gaps[0].To);
        Assert.Equal(0, await _store.DeleteExpiredAsync());
    }

    [Fact]
    public async Task Retention_keeps_an_hour_until_its_last_segment_is_older_than_the_retention()
    {
        string patient = NewPatient();
        DateTimeOffset hour = new(2026, 11, 20, 7, 0, 0, TimeSpan.Zero);
        await _store.WriteAsync(WaveformSegmenter.Split(
            patient, hour.AddMinutes(59), 0, Rate, _record.LeadNames, MitdbRecords.Slice(_record.Samples, 0, 60 * Rate)));
        _time.SetUtcNow(hour.AddHours(1 + 72).AddSeconds(-1)); // the last sample is a second younger than 72 h

        Assert.Equal(0, await _store.DeleteExpiredAsync());
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(6, await _store.DeleteExpiredAsync());
    }

    private IEnumerable<WaveformSegment> Segments(string patient, int first, int count) =>
        WaveformSegmenter.Split(patient, RecordStart, first, Rate, _record.LeadNames, MitdbRecords.Slice(_record.Samples, first, count));

    private async Task<int> RowCountAsync(string patient)
    {
        var table = new TableClient(_options.ConnectionString, _options.TableName);
        int rows = 0;
        // The patient's data partitions are "w|{patient}|{hour}"; '}' follows '|'.
        string filter = TableClient.CreateQueryFilter($"PartitionKey gt {"w|" + patient + "|"} and PartitionKey lt {"w|" + patient + "}"}");
        await foreach (TableEntity _ in table.QueryAsync<TableEntity>(filter, select: ["RowKey"]))
        {
            rows++;
        }
        return rows;
    }

    /// <summary>A time of the record's (UTC) day.</summary>
    private static DateTimeOffset At(string timeOfDay) =>
        new(RecordStart.UtcDateTime.Date + TimeSpan.Parse(timeOfDay, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero);

    private static string NewPatient() => "patient-" + Guid.NewGuid().ToString("N")[..12];
}
