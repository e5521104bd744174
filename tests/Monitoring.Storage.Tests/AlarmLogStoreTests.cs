using Monitoring.Storage.AlarmLog;

namespace Monitoring.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class AlarmLogStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private readonly AlarmLogOptions _options = new()
    {
        ConnectionString = azurite.ConnectionString,
        TableName = AzuriteFixture.NewTableName(),
    };

    private AlarmLogStore _log = null!;

    public Task InitializeAsync()
    {
        _log = new AlarmLogStore(_options);
        return _log.InitializeAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_patients_entries_come_back_in_time_order_whatever_the_order_they_were_logged_in()
    {
        AlarmLogEntry raised = new AlarmLogEntry("bed-1", "icu-a", Morning.AddSeconds(10.0001), "7-raised", AlarmLogEventKind.AlarmRaised, "VFib", AlarmPriority.High, "HR 0");
        AlarmLogEntry acknowledged = raised with { Time = Morning.AddSeconds(25), EventId = "7-ack", Kind = AlarmLogEventKind.AlarmAcknowledged, Detail = "nurse Ada" };
        AlarmLogEntry ended = raised with { Time = Morning.AddSeconds(90), EventId = "7-ended", Kind = AlarmLogEventKind.AlarmEnded, Detail = null };

        await _log.AppendAsync([ended]);
        await _log.AppendAsync([acknowledged, raised]);

        IReadOnlyList<AlarmLogEntry> entries = await _log.QueryPatientAsync("bed-1", Morning, Morning.AddHours(1));
        Assert.Equal([raised, acknowledged, ended], entries);
    }

    [Fact]
    public async Task A_query_returns_the_entries_from_its_start_up_to_but_excluding_its_end()
    {
        AlarmLogEntry[] entries = Enumerable.Range(0, 10)
            .Select(minute => new AlarmLogEntry("bed-2", "icu-a", Morning.AddMinutes(minute), $"e{minute}", AlarmLogEventKind.Event, "Note", AlarmPriority.None))
            .ToArray();
        await _log.AppendAsync(entries);

        IReadOnlyList<AlarmLogEntry> found = await _log.QueryPatientAsync("bed-2", Morning.AddMinutes(3), Morning.AddMinutes(6));

        Assert.Equal(entries[3..6], found);
    }

    [Fact]
    public async Task Logging_the_same_event_again_stores_it_once()
    {
        AlarmLogEntry entry = new AlarmLogEntry("bed-3", "icu-a", Morning, "1-raised", AlarmLogEventKind.AlarmRaised, "Asystole", AlarmPriority.High);

        await _log.AppendAsync([entry, entry]);
        await _log.AppendAsync([entry]);

        Assert.Single(await _log.QueryPatientAsync("bed-3", Morning, Morning.AddMinutes(1)));
    }

    [Fact]
    public async Task A_centre_sees_the_entries_of_its_patients_only_in_time_order()
    {
        AlarmLogEntry first = new AlarmLogEntry("bed-4", "ward-b", Morning.AddSeconds(1), "1", AlarmLogEventKind.AlarmRaised, "Leads off", AlarmPriority.Low);
        AlarmLogEntry second = new AlarmLogEntry("bed-5", "ward-b", Morning.AddSeconds(2), "1", AlarmLogEventKind.AlarmRaised, "VTach", AlarmPriority.High);
        AlarmLogEntry elsewhere = new AlarmLogEntry("bed-6", "ward-c", Morning.AddSeconds(3), "1", AlarmLogEventKind.AlarmRaised, "Brady", AlarmPriority.Medium);
        AlarmLogEntry third = new AlarmLogEntry("bed-4", "ward-b", Morning.AddSeconds(4), "2", AlarmLogEventKind.AlarmEnded, "Leads off", AlarmPriority.Low);

        await _log.AppendAsync([third, elsewhere, second, first]);

        Assert.Equal([first, second, third], await _log.QueryCentreAsync("ward-b", Morning, Morning.AddMinutes(1)));
        Assert.Equal([elsewhere], await _log.QueryCentreAsync("ward-c", Morning, Morning.AddMinutes(1)));
    }

    [Fact]
    public async Task Queries_cross_hour_partitions_in_time_order()
    {
        // Every 20 minutes for five hours, logged newest first: entries land in six hour partitions.
        AlarmLogEntry[] entries = Enumerable.Range(0, 16)
            .Select(i => new AlarmLogEntry("bed-9", "ward-e", Morning.AddMinutes(-10 + 20 * i), $"e{i}", AlarmLogEventKind.Event, "Note", AlarmPriority.None))
            .ToArray();
        foreach (AlarmLogEntry entry in entries.Reverse()) await _log.AppendAsync([entry]);

        Assert.Equal(entries[1..15], await _log.QueryPatientAsync("bed-9", Morning, Morning.AddMinutes(-10 + 20 * 15)));
        Assert.Equal(entries[1..15], await _log.QueryCentreAsync("ward-e", Morning, Morning.AddMinutes(-10 + 20 * 15)));
        Assert.Equal(entries, await _log.QueryCentreAsync("ward-e", Morning.AddHours(-1), Morning.AddHours(6)));
    }

    [Fact]
    public async Task Partitions_hold_one_hour_and_a_centre_keeps_an_index_not_a_copy()
    {
        // A partition that grows for ever slows every write on Azurite (its upsert scans the partition) and turns
        // into a hot spot on Azure; so entries go to patient-hour partitions and a centre only lists its patients.
        AlarmLogEntry[] entries = Enumerable.Range(0, 6)
            .Select(i => new AlarmLogEntry($"bed-{13 + i % 2}", "ward-i", Morning.AddMinutes(25 * i), $"e{i}", AlarmLogEventKind.Event, "Note", AlarmPriority.None))
            .ToArray();
        await _log.AppendAsync(entries);

        var rows = new List<(string PartitionKey, string RowKey)>();
        await foreach (Azure.Data.Tables.TableEntity row in _options.CreateTableClient().QueryAsync<Azure.Data.Tables.TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            rows.Add((row.PartitionKey, row.RowKey));
        }
        Assert.Equal(
            ["c|ward-i|2026112008", "c|ward-i|2026112009", "c|ward-i|2026112010", "p|bed-13|2026112008", "p|bed-13|2026112009",
             "p|bed-14|2026112008", "p|bed-14|2026112009", "p|bed-14|2026112010"],
            rows.Select(row => row.PartitionKey).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["bed-13", "bed-14"], rows.Where(row => row.PartitionKey == "c|ward-i|2026112009").Select(row => row.RowKey));
        Assert.Equal(entries.Length, rows.Count(row => row.PartitionKey.StartsWith("p|", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_centre_sees_a_transferred_patients_entries_only_while_it_watched_the_patient()
    {
        AlarmLogEntry before = new AlarmLogEntry("bed-10", "ward-f", Morning.AddMinutes(5), "1", AlarmLogEventKind.AlarmRaised, "Tachy", AlarmPriority.Medium);
        AlarmLogEntry after = new AlarmLogEntry("bed-10", "ward-g", Morning.AddMinutes(10), "2", AlarmLogEventKind.AlarmRaised, "Brady", AlarmPriority.Medium);
        AlarmLogEntry neighbour = new AlarmLogEntry("bed-11", "ward-f", Morning.AddMinutes(12), "1", AlarmLogEventKind.AlarmRaised, "PVCs", AlarmPriority.Low);

        await _log.AppendAsync([before]);
        await _log.AppendAsync([after, neighbour]);

        Assert.Equal([before, neighbour], await _log.QueryCentreAsync("ward-f", Morning, Morning.AddHours(1)));
        Assert.Equal([after], await _log.QueryCentreAsync("ward-g", Morning, Morning.AddHours(1)));
        Assert.Equal([before, after], await _log.QueryPatientAsync("bed-10", Morning, Morning.AddHours(1)));
    }

    [Fact]
    public async Task A_second_store_on_the_same_table_finds_what_the_first_logged()
    {
        // The centre index is remembered per store (per server); another server must still find the entries.
        var other = new AlarmLogStore(_options);
        AlarmLogEntry first = new AlarmLogEntry("bed-12", "ward-h", Morning.AddMinutes(1), "1", AlarmLogEventKind.AlarmRaised, "Pause", AlarmPriority.Medium);
        AlarmLogEntry second = first with { Time = Morning.AddMinutes(2), EventId = "2", Kind = AlarmLogEventKind.AlarmEnded };

        await _log.AppendAsync([first]);
        await other.AppendAsync([second]);

        Assert.Equal([first, second], await other.QueryCentreAsync("ward-h", Morning, Morning.AddHours(1)));
        Assert.Equal([first, second], await _log.QueryCentreAsync("ward-h", Morning, Morning.AddHours(1)));
    }

    [Fact]
    public async Task More_entries_than_one_transaction_holds_are_all_stored()
    {
        AlarmLogEntry[] entries = Enumerable.Range(0, 250)
            .Select(i => new AlarmLogEntry("bed-7", "icu-d", Morning.AddSeconds(i), $"e{i}", AlarmLogEventKind.Event, "Note", AlarmPriority.None))
            .ToArray();

        await _log.AppendAsync(entries);

        Assert.Equal(entries, await _log.QueryPatientAsync("bed-7", Morning, Morning.AddHours(1)));
    }

    [Fact]
    public async Task An_identifier_a_key_cannot_hold_is_refused()
    {
        AlarmLogEntry entry = new AlarmLogEntry("bed/8", "icu-a", Morning, "1", AlarmLogEventKind.Event, "Note", AlarmPriority.None);

        await Assert.ThrowsAsync<ArgumentException>(() => _log.AppendAsync([entry]));
    }
}
