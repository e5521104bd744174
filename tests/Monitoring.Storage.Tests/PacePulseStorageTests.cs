using Monitoring.Contracts.Waveforms;
using Monitoring.Storage.Waveforms;
using ContractSegment = Monitoring.Contracts.Waveforms.WaveformSegment;

namespace Monitoring.Storage.Tests;

/// <summary>
/// Full disclosure keeps the pacemaker pulses a paced patient's device reports, on their samples, through the grains'
/// port (<see cref="TableFullDisclosureStore"/>): a resumed analysis of a paced patient and an alarm review need them.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PacePulseStorageTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const int Rate = 360, BatchSamples = 90, PulseInBatch = 20;
    private const string Device = "pacer-patch";

    /// <summary>Batch 1 starts 5 s before 10:00 UTC, so that a 10-s segment is stored in two hour partitions.</summary>
    private static readonly long StreamStartUnixMs = new DateTimeOffset(2026, 11, 20, 9, 59, 55, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private readonly WaveformStoreOptions _options = new()
    {
        ConnectionString = azurite.ConnectionString,
        TableName = AzuriteFixture.NewTableName(),
    };

    private readonly string _patient = "patient-" + Guid.NewGuid().ToString("N")[..12];
    private WaveformStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = new WaveformStore(_options);
        await _store.InitializeAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Pace_pulses_read_back_on_their_samples_across_hours_and_rewrites()
    {
        var port = new TableFullDisclosureStore(_store);
        await port.WriteAsync(_patient, Segment(1, 40));
        // A second writer of the same device (another activation of its grain) cuts the stream differently: the
        // batches already stored are left out, and their pulses with them.
        Assert.Equal(20, await new TableFullDisclosureStore(new WaveformStore(_options)).WriteAsync(_patient, Segment(21, 60)));

        var whole = Assert.Single(await port.ReadAsync(_patient, BatchStart(1), BatchStart(61)));
        Assert.Equal(60 * BatchSamples, whole.SamplesPerLead);
        Assert.Equal(Pulses(1, 60), whole.PacePulses);

        // A read from 1.1 s in counts the pulses from its own first sample.
        var part = Assert.Single(await port.ReadAsync(_patient, BatchStart(1) + 1_100, BatchStart(61)));
        int first = 1_100 * Rate / 1000; // sample 396 starts exactly 1.1 s in
        Assert.Equal([.. Pulses(1, 60).Where(p => p >= first).Select(p => p - first)], part.PacePulses);
    }

    [Fact]
    public async Task A_stream_without_pulses_reads_back_without_pulses()
    {
        var port = new TableFullDisclosureStore(_store);
        await port.WriteAsync(_patient, Segment(1, 8) with { PacePulses = [] });

        Assert.Empty(Assert.Single(await port.ReadAsync(_patient, BatchStart(1), BatchStart(9))).PacePulses);
    }

    /// <summary>Batches <paramref name="first"/> to <paramref name="last"/> as the device grain hands them to storage, a pulse in each.</summary>
    private static ContractSegment Segment(int first, int last)
    {
        int batches = last - first + 1;
        var samples = new short[batches * BatchSamples];
        for (int i = 0; i < samples.Length; i++) samples[i] = (short)((first - 1) * BatchSamples + i);
        return new ContractSegment
        {
            DeviceId = Device,
            StartUnixMs = BatchStart(first),
            SamplingRateHz = Rate,
            GainUnitsPerMv = 200,
            Leads = ["II"],
            Samples = samples,
            FirstSequence = first,
            LastSequence = last,
            Batches = [.. Enumerable.Range(0, batches).Select(i => new BatchMark(first + i, i * BatchSamples, BatchStart(first + i)))],
            PacePulses = [.. Enumerable.Range(0, batches).Select(i => i * BatchSamples + PulseInBatch)],
        };
    }

    private static int[] Pulses(int first, int last) => [.. Enumerable.Range(0, last - first + 1).Select(i => i * BatchSamples + PulseInBatch)];

    private static long BatchStart(int sequence) => StreamStartUnixMs + (sequence - 1) * 250L;
}
