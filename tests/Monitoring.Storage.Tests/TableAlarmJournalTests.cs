using Monitoring.Contracts.Alarms;
using Monitoring.Storage.AlarmLog;

namespace Monitoring.Storage.Tests;

/// <summary>The grains' alarm journal on the alarm log, against real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableAlarmJournalTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly long Morning = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private AlarmLogStore _log = null!;
    private TableAlarmJournal _journal = null!;

    public Task InitializeAsync()
    {
        _log = new AlarmLogStore(new AlarmLogOptions { ConnectionString = azurite.ConnectionString, TableName = AzuriteFixture.NewTableName() });
        _journal = new TableAlarmJournal(_log);
        return _log.InitializeAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Changes_logged_together_come_back_each_as_its_own_entry_of_its_kind()
    {
        // A couplet raised and resolved in the same batch, and a tachycardia handing over to extreme tachycardia.
        Alarm couplet = Alarm("bed-j/1", "Couplet", Morning + 1_000) with { Version = 1 };
        Alarm coupletEnded = couplet with { Version = 2, State = AlarmState.Resolved, EndUnixMs = Morning + 1_400, ChangedUnixMs = Morning + 1_500 };
        Alarm tachycardiaEnded = Alarm("bed-j/2", "Tachycardia", Morning - 30_000) with { Version = 2, State = AlarmState.Resolved, EndUnixMs = Morning + 2_000 };
        Alarm extreme = Alarm("bed-j/3", "ExtremeTachycardia", Morning + 2_000) with { Version = 1 };

        await _journal.AppendAsync([couplet, coupletEnded, tachycardiaEnded, extreme]);

        // In time order: each change dated by what it records (raised: onset, ended: end).
        IReadOnlyList<Alarm> stored = await _journal.ReadAsync("bed-j", Morning - 60_000, Morning + 60_000);
        Assert.Equal(Keys(couplet, coupletEnded, tachycardiaEnded, extreme), Keys([.. stored]));
        var entries = await _log.QueryPatientAsync("bed-j", DateTimeOffset.FromUnixTimeMilliseconds(Morning - 60_000), DateTimeOffset.FromUnixTimeMilliseconds(Morning + 60_000));
        Assert.Equal([AlarmLogEventKind.AlarmRaised, AlarmLogEventKind.AlarmEnded, AlarmLogEventKind.AlarmEnded, AlarmLogEventKind.AlarmRaised], entries.Select(e => e.Kind));
    }

    [Fact]
    public async Task Logging_the_same_changes_again_after_a_failed_answer_stores_them_once()
    {
        Alarm raised = Alarm("bed-k/1", "Bradycardia", Morning) with { Version = 1 };
        Alarm ended = raised with { Version = 2, State = AlarmState.Resolved, EndUnixMs = Morning + 9_000 };

        await _journal.AppendAsync([raised, ended]);
        await _journal.AppendAsync([raised, ended]);

        Assert.Equal(Keys(raised, ended), Keys([.. await _journal.ReadAsync("bed-k", Morning, Morning + 60_000)]));
    }

    private static List<(string, int, AlarmState)> Keys(params Alarm[] alarms) => [.. alarms.Select(a => (a.AlarmId, a.Version, a.State))];

    private static Alarm Alarm(string alarmId, string condition, long onsetUnixMs) => new()
    {
        AlarmId = alarmId,
        PatientId = alarmId[..alarmId.IndexOf('/')],
        CentreId = "icu-j",
        Condition = condition,
        Label = condition.ToUpperInvariant(),
        Priority = Contracts.Alarms.AlarmPriority.Medium,
        State = AlarmState.Active,
        OnsetUnixMs = onsetUnixMs,
        RaisedUnixMs = onsetUnixMs + 500,
        ChangedUnixMs = onsetUnixMs + 500,
    };
}
