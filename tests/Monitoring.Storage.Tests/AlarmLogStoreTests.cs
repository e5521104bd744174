using Monitoring.Storage.AlarmLog;

namespace Monitoring.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class AlarmLogStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private readonly AlarmLogStore _log = new(new AlarmLogOptions
    {
        ConnectionString = azurite.ConnectionString,
        TableName = AzuriteFixture.NewTableName(),
    });

    public Task InitializeAsync() => _log.InitializeAsync();

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
