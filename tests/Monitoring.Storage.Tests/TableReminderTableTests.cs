using Monitoring.Storage.Reminders;

namespace Monitoring.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TableReminderTableTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly TableReminderTable _table = new(new TableReminderOptions
    {
        ConnectionString = azurite.ConnectionString,
        TableName = AzuriteFixture.NewTableName(),
    });

    public Task InitializeAsync() => _table.Init();

    public Task DisposeAsync() => Task.CompletedTask;

    private static GrainId Patient(string id) => GrainId.Create("patient", id);

    private static ReminderEntry Entry(GrainId grain, string name) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = new DateTime(2026, 11, 25, 6, 0, 0, DateTimeKind.Utc),
        Period = TimeSpan.FromMinutes(1),
    };

    [Fact]
    public async Task A_reminder_reads_back_as_written_and_is_removed_only_with_its_current_etag()
    {
        GrainId grain = Patient("pat/with/slashes");
        string? etag = await _table.UpsertRow(Entry(grain, "alarm-deadlines"));
        Assert.False(string.IsNullOrEmpty(etag));

        ReminderEntry? read = await _table.ReadRow(grain, "alarm-deadlines");
        Assert.NotNull(read);
        Assert.Equal((grain, "alarm-deadlines", new DateTime(2026, 11, 25, 6, 0, 0, DateTimeKind.Utc), TimeSpan.FromMinutes(1), etag),
            (read.GrainId, read.ReminderName, read.StartAt, read.Period, read.ETag));

        string? newer = await _table.UpsertRow(Entry(grain, "alarm-deadlines"));
        Assert.False(await _table.RemoveRow(grain, "alarm-deadlines", etag!));
        Assert.True(await _table.RemoveRow(grain, "alarm-deadlines", newer!));
        Assert.Null(await _table.ReadRow(grain, "alarm-deadlines"));
        Assert.False(await _table.RemoveRow(grain, "alarm-deadlines", newer!));
    }

    [Fact]
    public async Task Reads_by_grain_and_by_ring_range_find_exactly_their_reminders()
    {
        GrainId[] grains = [.. Enumerable.Range(0, 40).Select(i => Patient("p" + i))];
        foreach (GrainId grain in grains) await _table.UpsertRow(Entry(grain, "a"));
        await _table.UpsertRow(Entry(grains[0], "b"));

        Assert.Equal(["a", "b"], (await _table.ReadRows(grains[0])).Reminders.Select(r => r.ReminderName).Order());

        // Two ranges that split the ring, one of them wrapping around, cover every reminder exactly once.
        uint split = grains[7].GetUniformHashCode();
        uint other = grains[23].GetUniformHashCode();
        var first = (await _table.ReadRows(Math.Min(split, other), Math.Max(split, other))).Reminders;
        var second = (await _table.ReadRows(Math.Max(split, other), Math.Min(split, other))).Reminders;
        Assert.Equal(41, first.Count + second.Count);
        Assert.Empty(first.Select(r => (r.GrainId, r.ReminderName)).Intersect(second.Select(r => (r.GrainId, r.ReminderName))));
        Assert.All(first, r => Assert.InRange(r.GrainId.GetUniformHashCode(), Math.Min(split, other) + 1, Math.Max(split, other)));
    }
}
