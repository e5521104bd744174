using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using BatchMark = Monitoring.Contracts.Waveforms.BatchMark;

namespace Monitoring.Storage.Waveforms;

/// <summary>
/// Full-disclosure ECG on Azure Tables: every lead of every monitored patient, kept for
/// <see cref="WaveformStoreOptions.Retention"/> for alarm review and consults. One entity per segment
/// (<see cref="WaveformSegmenter"/> cuts 10 s ones), partitioned by patient and UTC hour, RowKey =
/// <c>{start in UTC ticks}|{sample count}</c>, samples compressed losslessly (<see cref="WaveformCodec"/>, about
/// 190 bytes per lead-second at 360 Hz on mitdb). Writes are upserts, so a segment delivered twice is stored once;
/// the sample count in the key keeps a shorter re-sent piece from replacing a complete segment that starts at the
/// same time (reads drop the samples such overlapping rows repeat). Device streams go through
/// <see cref="WriteDeviceSegmentAsync"/>, which stores each device batch exactly once even with two writers.
/// </summary>
public sealed class WaveformStore
{
    private const string DataPrefix = "D";
    private const string RateProperty = "Rate";
    private const string SampleCountProperty = "Samples";
    private const string LeadsProperty = "Leads";
    private const string GainProperty = "Gain";
    private const string DeviceProperty = "Device";
    // Pacemaker pulses, as the segment's sample indices in decimal separated by ','; absent when there are none.
    private const string PacePulsesProperty = "Pace";
    private const string FenceRowPrefix = "~fence|";
    private const string FenceBatchesProperty = "Batches";
    private const string FenceEndProperty = "End";

    /// <summary>Tries of one fenced write while other writers of the same device keep changing its fence.</summary>
    private const int MaxFenceAttempts = 5;

    private readonly WaveformStoreOptions _options;
    private readonly TableClient _table;
    private readonly TimeProvider _time;

    /// <summary>The newest hour whose index entry each patient's writes have made, so that a write costs an index
    /// upsert only when a patient enters a new hour.</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _indexedHour = new(StringComparer.Ordinal);

    /// <summary>The fence row this store last wrote per device stream (with its ETag), so a write normally costs no read.</summary>
    private readonly ConcurrentDictionary<(string PatientId, string DeviceId), Fence> _fences = new();

    private sealed record Fence(DateTimeOffset Hour, ETag ETag, StoredBatches Batches);

    public WaveformStore(WaveformStoreOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Retention, TimeSpan.Zero, nameof(options.Retention));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrentRequests, 1, nameof(options.MaxConcurrentRequests));
        _options = options;
        _table = options.CreateTableClient();
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Creates the table if it does not exist.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>
    /// Stores <paramref name="segments"/> (any patients, any times), one entity group transaction per partition and
    /// up to 100 segments. Idempotent: a segment with the same patient, start and length replaces the stored one.
    /// </summary>
    public async Task WriteAsync(IEnumerable<WaveformSegment> segments, CancellationToken cancellationToken = default)
    {
        var partitions = new Dictionary<string, Dictionary<string, ITableEntity>>(StringComparer.Ordinal);
        var newHours = new HashSet<(string PatientId, DateTimeOffset Hour)>();
        foreach (WaveformSegment segment in segments)
        {
            DateTimeOffset hour = WaveformKeys.HourOf(segment.Start);
            string partitionKey = WaveformKeys.DataPartition(segment.PatientId, hour);
            if (!partitions.TryGetValue(partitionKey, out Dictionary<string, ITableEntity>? rows))
            {
                partitions[partitionKey] = rows = new Dictionary<string, ITableEntity>(StringComparer.Ordinal);
            }
            TableEntity entity = ToEntity(partitionKey, segment);
            // The same row twice in one call: one transaction may not touch an entity twice, and the rows are equal.
            rows[entity.RowKey] = entity;
            if (!(_indexedHour.TryGetValue(segment.PatientId, out DateTimeOffset indexed) && indexed == hour))
            {
                newHours.Add((segment.PatientId, hour));
            }
        }

        // Index first: a failure in between leaves an index entry without data (harmless), never data that
        // retention cannot find.
        IEnumerable<IEnumerable<ITableEntity>> indexPartitions = newHours
            .GroupBy(entry => entry.Hour)
            .Select(group => group.Select(entry => (ITableEntity)new TableEntity(WaveformKeys.IndexPartition(group.Key), entry.PatientId)));
        await SubmitAsync(indexPartitions, TableTransactionActionType.UpsertReplace, cancellationToken);
        await SubmitAsync(partitions.Values.Select(rows => rows.Values), TableTransactionActionType.UpsertReplace, cancellationToken);
        foreach ((string patientId, DateTimeOffset hour) in newHours)
        {
            _indexedHour.AddOrUpdate(patientId, hour, (_, known) => hour > known ? hour : known);
        }
    }

    /// <summary>
    /// Stores one device's segment so that every batch in it is stored exactly once, whoever else writes the same
    /// device's batches (a second activation of its grain while the cluster changes, a resend after a failover).
    /// <paramref name="batches"/> says where each batch starts (sequence, first sample's index, its device time). Batches
    /// the store already holds are left out; the rest go in as runs of consecutive batches, each written in one
    /// transaction with the fence row of its partition (see <see cref="StoredBatches"/>). Returns the number of
    /// batches left out.
    /// </summary>
    public async Task<int> WriteDeviceSegmentAsync(WaveformSegment segment, IReadOnlyList<BatchMark> batches, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(segment.DeviceId, nameof(segment));
        CheckBatches(segment, batches);
        int skipped = 0;
        for (int from = 0; from < batches.Count;)
        {
            // Rows live in the partition of their start hour, and a transaction stays in one partition.
            DateTimeOffset hour = HourOf(batches[from]);
            int to = from + 1;
            while (to < batches.Count && HourOf(batches[to]) == hour) to++;
            skipped += await WriteFencedAsync(segment, batches, from, to, hour, cancellationToken);
            from = to;
        }
        return skipped;

        static DateTimeOffset HourOf(BatchMark batch) => WaveformKeys.HourOf(DateTimeOffset.FromUnixTimeMilliseconds(batch.StartUnixMs));
    }

    /// <summary>
    /// How far storage holds the stream of <paramref name="deviceId"/> to <paramref name="patientId"/>: the newest
    /// stored batch, the device time after it and the first batch of the unbroken run that ends with it (batches before
    /// that run may be missing: two writers of one device can store a later batch before an earlier one), from the
    /// device's fence rows (<see cref="StoredBatches"/>) in the hours of <paramref name="since"/> and
    /// <paramref name="until"/> and the hour after and before each (a fence row carries the ranges of the hour before,
    /// so a stream that went on across an hour shows in the later one). Null when none of them holds a batch. A device
    /// grain saves its own watermark only now and then, and reads the newer one here.
    /// </summary>
    public async Task<(long Sequence, long EndUnixMs, long RunFrom)?> ReadStoredThroughAsync(
        string patientId, string deviceId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(until, since, nameof(until));
        DateTimeOffset first = WaveformKeys.HourOf(since), last = WaveformKeys.HourOf(until);
        DateTimeOffset[] hours = [.. new[] { first, first.AddHours(1), last.AddHours(-1), last }.Where(h => h >= first && h <= last).Distinct()];
        Fence?[] fences = await Task.WhenAll(hours.Select(hour => ReadFenceAsync(patientId, deviceId, hour, cancellationToken)));
        (long Sequence, long EndUnixMs, long RunFrom)? newest = null;
        foreach (Fence? fence in fences)
        {
            if (fence?.Batches is { LastSequence: long sequence, LastRunFirst: long runFrom } batches && (newest is null || batches.EndUnixMs > newest.Value.EndUnixMs))
                newest = (sequence, batches.EndUnixMs, runFrom);
        }
        return newest;
    }

    /// <summary>
    /// The stored samples of one patient from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive),
    /// across segments and hours, with the stretches that have none reported as gaps. The whole range is decoded into
    /// memory (about 1.4 MB per lead-hour at 360 Hz): read review windows, not days.
    /// </summary>
    public async Task<WaveformRange> ReadAsync(string patientId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        TableKeys.RequireId(patientId, nameof(patientId));
        ArgumentOutOfRangeException.ThrowIfLessThan(to, from, nameof(to));
        DateTimeOffset earliestStart = from - WaveformSegment.MaxDuration;
        List<DateTimeOffset> hours = TableKeys.HoursOverlapping(earliestStart, to);
        var segmentsByHour = new List<WaveformSegment>[hours.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, hours.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentRequests, CancellationToken = cancellationToken },
            async (i, token) => segmentsByHour[i] = await ReadPartitionAsync(patientId, hours[i], earliestStart, from, to, token));

        // Hours in order, rows in RowKey (start time) order within each: the segments arrive sorted by start.
        var builder = new WaveformRangeBuilder(from, to);
        foreach (List<WaveformSegment> segments in segmentsByHour)
        {
            foreach (WaveformSegment segment in segments)
            {
                builder.Add(segment);
            }
        }
        return builder.Build(patientId);
    }

    /// <summary>
    /// Deletes every hour partition whose segments are all older than the retention period; the server calls this
    /// periodically (e.g. every 10 minutes). Everything younger than the retention period is kept. Returns the number
    /// of segments deleted.
    /// </summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken = default)
    {
        // A segment of hour h starts before h + 1 h and lasts at most MaxDuration.
        DateTimeOffset firstKeptHour = WaveformKeys.HourOf(_time.GetUtcNow() - _options.Retention - WaveformSegment.MaxDuration);
        string filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {WaveformKeys.IndexPrefix} and PartitionKey lt {WaveformKeys.IndexPartition(firstKeptHour)}");
        var expired = new List<TableEntity>();
        await foreach (TableEntity index in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            expired.Add(index);
        }

        int deleted = 0;
        foreach (TableEntity index in expired)
        {
            DateTimeOffset hour = WaveformKeys.ParseIndexPartition(index.PartitionKey);
            deleted += await DeletePartitionAsync(WaveformKeys.DataPartition(index.RowKey, hour), cancellationToken);
            await _table.DeleteEntityAsync(index.PartitionKey, index.RowKey, ETag.All, cancellationToken);
        }
        foreach (KeyValuePair<string, DateTimeOffset> entry in _indexedHour)
        {
            if (entry.Value < firstKeptHour)
            {
                _indexedHour.TryRemove(entry);
            }
        }
        foreach (KeyValuePair<(string PatientId, string DeviceId), Fence> entry in _fences)
        {
            if (entry.Value.Hour < firstKeptHour)
            {
                _fences.TryRemove(entry);
            }
        }
        return deleted;
    }

    private async Task<List<WaveformSegment>> ReadPartitionAsync(
        string patientId, DateTimeOffset hour, DateTimeOffset earliestStart, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken)
    {
        string filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {WaveformKeys.DataPartition(patientId, hour)} and RowKey ge {TableKeys.Ticks(earliestStart)} and RowKey lt {TableKeys.Ticks(to)}");
        var segments = new List<WaveformSegment>();
        await foreach (TableEntity entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            DateTimeOffset start = TableKeys.ParseTicks(entity.RowKey.AsSpan(0, entity.RowKey.IndexOf(TableKeys.Separator)));
            int rate = entity.GetInt32(RateProperty) ?? throw Corrupt(entity, RateProperty);
            int count = entity.GetInt32(SampleCountProperty) ?? throw Corrupt(entity, SampleCountProperty);
            if (start.UtcTicks + SampleClock.OffsetTicks(count, rate) <= from.UtcTicks)
            {
                continue; // ends before the range: not worth decoding
            }
            string[] leads = (entity.GetString(LeadsProperty) ?? throw Corrupt(entity, LeadsProperty)).Split(',');
            short[][] samples = WaveformCodec.Decode(BinaryProperties.Read(entity, DataPrefix), leads.Length, count);
            segments.Add(new WaveformSegment(patientId, start, rate, leads, samples)
            {
                GainUnitsPerMv = entity.GetDouble(GainProperty) ?? 0,
                DeviceId = entity.GetString(DeviceProperty) ?? "",
                PacePulses = ParsePulses(entity.GetString(PacePulsesProperty)),
            });
        }
        return segments;
    }

    private async Task<int> DeletePartitionAsync(string partitionKey, CancellationToken cancellationToken)
    {
        var rows = new List<ITableEntity>();
        await foreach (TableEntity row in _table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }
        foreach (List<TableTransactionAction> batch in TableTransactions.Build([rows], TableTransactionActionType.Delete))
        {
            try
            {
                await _table.SubmitTransactionAsync(batch, cancellationToken);
            }
            catch (TableTransactionFailedException)
            {
                // Someone else (another server's retention pass) deleted part of it: delete the rest one by one;
                // a single delete of a missing entity succeeds.
                foreach (TableTransactionAction action in batch)
                {
                    await _table.DeleteEntityAsync(action.Entity.PartitionKey, action.Entity.RowKey, ETag.All, cancellationToken);
                }
            }
        }
        return rows.Count;
    }

    /// <summary>Batches <paramref name="from"/> to <paramref name="to"/> (exclusive), all starting in <paramref name="hour"/>.</summary>
    private async Task<int> WriteFencedAsync(
        WaveformSegment segment, IReadOnlyList<BatchMark> batches, int from, int to, DateTimeOffset hour, CancellationToken cancellationToken)
    {
        string partitionKey = WaveformKeys.DataPartition(segment.PatientId, hour);
        var key = (segment.PatientId, segment.DeviceId);
        for (int attempt = 1; ; attempt++)
        {
            Fence fence = await FenceAsync(segment.PatientId, segment.DeviceId, hour, cancellationToken);
            StoredBatches stored = fence.Batches.Copy();
            if (stored.IsNumberingRestart(batches[from].Sequence, batches[from].StartUnixMs)) stored.StartNewNumbering();

            var actions = new List<TableTransactionAction>();
            int skipped = 0;
            for (int i = from; i < to;)
            {
                if (stored.Contains(batches[i].Sequence))
                {
                    skipped++;
                    i++;
                    continue;
                }
                int end = i + 1;
                while (end < to && !stored.Contains(batches[end].Sequence)) end++;
                WaveformSegment run = Run(segment, batches, i, end);
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(partitionKey, run)));
                stored.Add(batches[i].Sequence, batches[end - 1].Sequence, run.End.ToUnixTimeMilliseconds());
                i = end;
            }
            if (actions.Count == 0) return skipped;

            TableEntity fenceRow = new(partitionKey, FenceRowKey(segment.DeviceId))
            {
                [FenceBatchesProperty] = stored.FormatRanges(),
                [FenceEndProperty] = stored.EndUnixMs,
            };
            // No fence yet: insert, which fails if another writer inserted one meanwhile.
            actions.Insert(0, fence.ETag == default
                ? new TableTransactionAction(TableTransactionActionType.Add, fenceRow)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, fenceRow, fence.ETag));
            await EnsureIndexedAsync(segment.PatientId, hour, cancellationToken);
            try
            {
                Response<IReadOnlyList<Response>> response = await _table.SubmitTransactionAsync(actions, cancellationToken);
                if (response.Value[0].Headers.ETag is { } etag) _fences[key] = new Fence(hour, etag, stored);
                else _fences.TryRemove(key, out _);
                return skipped;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && attempt < MaxFenceAttempts)
            {
                // Another writer of this device changed the fence: read what it stored and try again.
                _fences.TryRemove(key, out _);
            }
            catch
            {
                // The write may have landed all the same: the next one reads the fence rather than trust this copy.
                _fences.TryRemove(key, out _);
                throw;
            }
        }
    }

    /// <summary>The fence of the device in <paramref name="hour"/>; a new one starts from the previous hour's, since a
    /// row of another writer may begin before the hour and reach into it.</summary>
    private async Task<Fence> FenceAsync(string patientId, string deviceId, DateTimeOffset hour, CancellationToken cancellationToken)
    {
        if (_fences.TryGetValue((patientId, deviceId), out Fence? cached) && cached.Hour == hour) return cached;
        if (await ReadFenceAsync(patientId, deviceId, hour, cancellationToken) is { } fence) return fence;
        Fence? before = await ReadFenceAsync(patientId, deviceId, hour.AddHours(-1), cancellationToken);
        return new Fence(hour, default, before?.Batches ?? new StoredBatches());
    }

    private async Task<Fence?> ReadFenceAsync(string patientId, string deviceId, DateTimeOffset hour, CancellationToken cancellationToken)
    {
        string partitionKey = WaveformKeys.DataPartition(patientId, hour), rowKey = FenceRowKey(deviceId);
        NullableResponse<TableEntity> row = await _table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value is not { } entity) return null;
        string source = $"Waveform fence {partitionKey}/{rowKey}";
        StoredBatches batches = StoredBatches.Parse(
            entity.GetString(FenceBatchesProperty) ?? throw Corrupt(entity, FenceBatchesProperty),
            entity.GetInt64(FenceEndProperty) ?? throw Corrupt(entity, FenceEndProperty),
            source);
        return new Fence(hour, entity.ETag, batches);
    }

    private async Task EnsureIndexedAsync(string patientId, DateTimeOffset hour, CancellationToken cancellationToken)
    {
        if (_indexedHour.TryGetValue(patientId, out DateTimeOffset indexed) && indexed == hour) return;
        await _table.UpsertEntityAsync(new TableEntity(WaveformKeys.IndexPartition(hour), patientId), TableUpdateMode.Replace, cancellationToken);
        _indexedHour.AddOrUpdate(patientId, hour, (_, known) => hour > known ? hour : known);
    }

    /// <summary>Batches <paramref name="from"/> to <paramref name="to"/> (exclusive) of <paramref name="segment"/>.</summary>
    private static WaveformSegment Run(WaveformSegment segment, IReadOnlyList<BatchMark> batches, int from, int to)
    {
        if (from == 0 && to == batches.Count) return segment;
        int end = to < batches.Count ? batches[to].Offset : segment.SampleCount;
        return segment.Slice(batches[from].Offset, end, DateTimeOffset.FromUnixTimeMilliseconds(batches[from].StartUnixMs));
    }

    private static void CheckBatches(WaveformSegment segment, IReadOnlyList<BatchMark> batches)
    {
        if (batches.Count == 0 || batches[0].Offset != 0)
            throw new ArgumentException("The first batch must start at sample 0 of the segment.", nameof(batches));
        for (int i = 1; i < batches.Count; i++)
        {
            if (batches[i].Offset <= batches[i - 1].Offset || batches[i].Offset >= segment.SampleCount)
                throw new ArgumentException($"Batch {batches[i].Sequence} starts at sample {batches[i].Offset}, not after the previous batch and inside the segment.", nameof(batches));
        }
    }

    private static string FenceRowKey(string deviceId) => FenceRowPrefix + TableKeys.Escape(deviceId);

    private Task SubmitAsync(IEnumerable<IEnumerable<ITableEntity>> partitions, TableTransactionActionType actionType, CancellationToken cancellationToken) =>
        TableTransactions.SubmitAsync(_table, TableTransactions.Build(partitions, actionType), _options.MaxConcurrentRequests, cancellationToken);

    private static TableEntity ToEntity(string partitionKey, WaveformSegment segment)
    {
        string rowKey = string.Create(CultureInfo.InvariantCulture, $"{TableKeys.Ticks(segment.Start)}{TableKeys.Separator}{segment.SampleCount:D6}");
        var entity = new TableEntity(partitionKey, rowKey)
        {
            [RateProperty] = segment.SamplingRateHz,
            [SampleCountProperty] = segment.SampleCount,
            [LeadsProperty] = string.Join(',', segment.LeadNames),
            [GainProperty] = segment.GainUnitsPerMv,
            [DeviceProperty] = segment.DeviceId,
        };
        if (segment.PacePulses.Length > 0) entity[PacePulsesProperty] = string.Join(',', segment.PacePulses);
        BinaryProperties.Write(entity, DataPrefix, WaveformCodec.Encode(segment.Samples),
            () => $"The segment of patient {segment.PatientId} at {segment.Start:O} ({segment.SampleCount} samples x {segment.LeadNames.Count} leads, compressed)");
        return entity;
    }

    private static int[] ParsePulses(string? pulses) =>
        string.IsNullOrEmpty(pulses) ? [] : Array.ConvertAll(pulses.Split(','), pulse => int.Parse(pulse, CultureInfo.InvariantCulture));

    private static InvalidDataException Corrupt(TableEntity entity, string property) =>
        new($"Waveform entity {entity.PartitionKey}/{entity.RowKey} has no '{property}'.");
}
