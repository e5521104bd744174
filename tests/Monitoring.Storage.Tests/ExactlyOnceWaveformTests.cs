using Azure.Data.Tables;
using BatchMark = Monitoring.Contracts.Waveforms.BatchMark;
using Monitoring.Storage.Waveforms;

namespace Monitoring.Storage.Tests;

/// <summary>
/// A device stream written by two writers at once (two activations of a device grain on two hosts, each with its own
/// store, cutting the same batches into different segments): every batch is stored once, in rows that never overlap.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ExactlyOnceWaveformTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const int Rate = 360;
    private const int BatchSamples = 90; // 250 ms, as the device client sends them
    private const string Device = "patch-7";

    private readonly WaveformStoreOptions _options = new()
    {
        ConnectionString = azurite.ConnectionString,
        TableName = AzuriteFixture.NewTableName(),
    };

    private readonly (short[][] Samples, string[] LeadNames, int Rate) _record = MitdbRecords.Read("101");
    private readonly string _patient = "patient-" + Guid.NewGuid().ToString("N")[..12];
    private WaveformStore _hostA = null!, _hostB = null!;

    /// <summary>Batch 1's first sample; the stream is continuous from there.</summary>
    private DateTimeOffset _streamStart = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        _hostA = new WaveformStore(_options);
        _hostB = new WaveformStore(_options);
        await _hostA.InitializeAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Two_writers_cutting_the_same_batches_differently_store_each_batch_once()
    {
        Assert.Equal(0, await WriteAsync(_hostA, 1, 40));
        Assert.Equal(39, await WriteAsync(_hostB, 2, 41)); // B has never seen the fence: it reads it
        Assert.Equal(1, await WriteAsync(_hostA, 41, 80)); // A's copy of the fence is stale: its ETag fails, it reads again
        Assert.Equal(39, await WriteAsync(_hostB, 42, 81));
        Assert.Equal(40, await WriteAsync(_hostB, 41, 80)); // the same segment again: nothing new

        await AssertStoredExactlyAsync(1, 81);
    }

    [Fact]
    public async Task Batches_inside_a_gap_of_the_other_writer_are_stored_and_the_rest_left_out()
    {
        await WriteAsync(_hostA, 1, 10);
        await WriteAsync(_hostA, 21, 30);

        Assert.Equal(11, await WriteAsync(_hostB, 5, 25)); // 5-10 and 21-25 are stored; 11-20 are not

        await AssertStoredExactlyAsync(1, 30);
    }

    [Fact]
    public async Task A_device_that_restarts_its_numbering_is_stored_after_its_old_numbers()
    {
        await WriteAsync(_hostA, 1, 40);
        DateTimeOffset firstStream = _streamStart;
        _streamStart = _streamStart.AddSeconds(10); // numbering 1, 2, ... again, right after the old stream's end

        Assert.Equal(0, await WriteAsync(_hostB, 1, 40, firstSample: 40 * BatchSamples));

        _streamStart = firstStream;
        await AssertStoredExactlyAsync(1, 80);
    }

    [Fact]
    public async Task A_row_of_one_writer_reaching_into_the_next_hour_keeps_the_other_from_storing_it_again()
    {
        _streamStart = new DateTimeOffset(2026, 11, 20, 9, 59, 55, TimeSpan.Zero); // batch 21 starts at 10:00:00
        Assert.Equal(0, await WriteAsync(_hostA, 1, 40));
        Assert.Equal(38, await WriteAsync(_hostB, 3, 42)); // 3-20 (09:xx) and 21-40 (10:xx, stored in 09's row)

        await AssertStoredExactlyAsync(1, 42);
    }

    [Fact]
    public async Task How_far_a_device_stream_is_stored_reads_back_from_the_fence_rows_across_hours()
    {
        _streamStart = new DateTimeOffset(2026, 11, 20, 9, 59, 50, TimeSpan.Zero); // batch 41 starts at 10:00:00
        var fresh = new WaveformStore(_options);
        Assert.Null(await fresh.ReadStoredThroughAsync(_patient, Device, BatchStart(1), BatchStart(1)));

        await WriteAsync(_hostA, 1, 40);
        Assert.Equal((40L, BatchStart(41).ToUnixTimeMilliseconds(), 1L), await fresh.ReadStoredThroughAsync(_patient, Device, BatchStart(1), BatchStart(41)));

        // On into the next hour: a reader that knew of 09:59:50 finds it in the 10:00 fence.
        await WriteAsync(_hostA, 41, 80);
        Assert.Equal((80L, BatchStart(81).ToUnixTimeMilliseconds(), 1L), await fresh.ReadStoredThroughAsync(_patient, Device, BatchStart(1), BatchStart(81)));
        Assert.Null(await fresh.ReadStoredThroughAsync(_patient, "another-device", BatchStart(1), BatchStart(81)));

        // The device restarts its numbering: the newer samples count, under their lower numbers.
        DateTimeOffset firstStream = _streamStart;
        _streamStart = _streamStart.AddSeconds(20);
        await WriteAsync(_hostB, 1, 8, firstSample: 80 * BatchSamples);
        Assert.Equal((8L, BatchStart(9).ToUnixTimeMilliseconds(), 1L), await fresh.ReadStoredThroughAsync(_patient, Device, firstStream, BatchStart(9)));
    }

    [Fact]
    public async Task How_far_a_device_stream_is_stored_tells_where_its_newest_unbroken_run_begins()
    {
        // Two writers of one device (two activations while the cluster changes): one stores 1-40 and 42-50 while
        // the other still holds 41. A new activation must see that 41 is missing, not only that 50 is stored.
        var fresh = new WaveformStore(_options);
        await WriteAsync(_hostA, 1, 40);
        await WriteAsync(_hostB, 42, 50);
        Assert.Equal((50L, BatchStart(51).ToUnixTimeMilliseconds(), 42L), await fresh.ReadStoredThroughAsync(_patient, Device, BatchStart(1), BatchStart(51)));

        await WriteAsync(_hostA, 41, 41);
        Assert.Equal((50L, BatchStart(51).ToUnixTimeMilliseconds(), 1L), await fresh.ReadStoredThroughAsync(_patient, Device, BatchStart(1), BatchStart(51)));
    }

    /// <summary>Batches <paramref name="first"/> to <paramref name="last"/> of the stream as one segment.</summary>
    private Task<int> WriteAsync(WaveformStore store, int first, int last, int firstSample = 0)
    {
        int count = (last - first + 1) * BatchSamples, from = firstSample + (first - 1) * BatchSamples;
        var batches = new BatchMark[last - first + 1];
        for (int i = 0; i < batches.Length; i++)
            batches[i] = new BatchMark(first + i, i * BatchSamples, BatchStart(first + i).ToUnixTimeMilliseconds());
        var segment = new WaveformSegment(_patient, BatchStart(first), Rate, _record.LeadNames, MitdbRecords.Slice(_record.Samples, from, count))
        {
            DeviceId = Device,
        };
        return store.WriteDeviceSegmentAsync(segment, batches);
    }

    private DateTimeOffset BatchStart(int sequence) => _streamStart.AddMilliseconds((sequence - 1) * 250);

    /// <summary>The stored rows tile batches 1 to <paramref name="last"/> without overlap or gap, and read back bit-exact.</summary>
    private async Task AssertStoredExactlyAsync(int first, int last)
    {
        List<(long Start, long End)> rows = await RowsAsync();
        Assert.Equal(BatchStart(first).UtcTicks, rows[0].Start);
        for (int k = 1; k < rows.Count; k++)
            Assert.True(rows[k].Start == rows[k - 1].End, $"row {k} starts {(rows[k].Start - rows[k - 1].End) / 10_000.0} ms from the end of row {k - 1}");
        Assert.Equal(BatchStart(last + 1).UtcTicks, rows[^1].End);

        WaveformRange range = await _hostA.ReadAsync(_patient, BatchStart(first), BatchStart(last + 1));
        Assert.Empty(range.Gaps);
        WaveformSpan span = Assert.Single(range.Spans);
        short[][] expected = MitdbRecords.Slice(_record.Samples, (first - 1) * BatchSamples, (last - first + 1) * BatchSamples);
        Assert.Equal(expected[0], span.Samples[0]);
        Assert.Equal(expected[1], span.Samples[1]);
    }

    /// <summary>The patient's data rows as stored (start and end in ticks), without the read path's merging.</summary>
    private async Task<List<(long Start, long End)>> RowsAsync()
    {
        var table = new TableClient(_options.ConnectionString, _options.TableName);
        string filter = TableClient.CreateQueryFilter($"PartitionKey gt {"w|" + _patient + "|"} and PartitionKey lt {"w|" + _patient + "}"}");
        var rows = new List<(long Start, long End)>();
        await foreach (TableEntity entity in table.QueryAsync<TableEntity>(filter))
        {
            if (entity.RowKey.StartsWith('~')) continue; // the fence rows
            long start = long.Parse(entity.RowKey[..entity.RowKey.IndexOf('|')]);
            rows.Add((start, start + entity.GetInt32("Samples")!.Value * TimeSpan.TicksPerSecond / Rate));
        }
        rows.Sort();
        return rows;
    }
}
