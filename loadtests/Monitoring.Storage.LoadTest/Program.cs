// Measures the storage layer against a running Azurite (or any account):
//   infra/start-azurite.sh /tmp/azurite-load 10002 &
//   dotnet run -c Release --project loadtests/Monitoring.Storage.LoadTest -- [table-port]
// Full-disclosure segment writes (batched and one by one), a 30-minute range read, and grain state
// write/read latency. Every run uses fresh tables.
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Storage;
using Monitoring.Storage.GrainState;
using Monitoring.Storage.Waveforms;
using Monitoring.Testing;
using Monitoring.Wfdb;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

int port = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10002;
string connectionString = AzuriteConnection.ForTables(port);
string run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
var streamStart = new DateTimeOffset(2026, 11, 20, 9, 45, 0, TimeSpan.Zero);

// 20 patients, each a different mitdb record, 10 minutes each: 60 segments of 10 s x 2 leads at 360 Hz per patient.
string[] records = SharedData.MitdbRecords().Take(20).ToArray();
var patients = records.Select(record => (Id: "p" + record, Signals: WfdbRecordReader.ReadSignals(SharedData.Record("mitdb", record)))).ToArray();
List<WaveformSegment> SegmentsOf(string suffix, int minutes) => patients.SelectMany(patient =>
{
    short[][] leads = [patient.Signals.GetSignal(0)[..(minutes * 60 * 360)], patient.Signals.GetSignal(1)[..(minutes * 60 * 360)]];
    string[] names = patient.Signals.Header.Signals.Select(signal => signal.Description).ToArray();
    return WaveformSegmenter.Split(patient.Id + suffix, streamStart, 0, 360, names, leads);
}).ToList();

Console.WriteLine($"Azurite 127.0.0.1:{port}; {patients.Length} patients x 10 min x 2 leads at 360 Hz");

// Warm-up (JIT, connections), not measured.
var warmUpStore = await NewWaveformStoreAsync("warmup");
await warmUpStore.WriteAsync(SegmentsOf("w", 1));
await warmUpStore.ReadAsync("p" + records[0] + "w", streamStart, streamStart.AddMinutes(1));

var batchedStore = await NewWaveformStoreAsync("batched");
List<WaveformSegment> segments = SegmentsOf("b", 10);
var clock = Stopwatch.StartNew();
await batchedStore.WriteAsync(segments);
Report("waveform write, one call (entity group transactions of <= 100, 8 at a time)", segments.Count, clock.Elapsed);

var singleStore = await NewWaveformStoreAsync("single");
segments = SegmentsOf("s", 10);
clock.Restart();
foreach (WaveformSegment segment in segments)
{
    await singleStore.WriteAsync([segment]);
}
Report("waveform write, one call per segment, sequential", segments.Count, clock.Elapsed);

segments = SegmentsOf("c", 10);
clock.Restart();
await Parallel.ForEachAsync(segments, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (segment, token) => await singleStore.WriteAsync([segment], token));
Report("waveform write, one call per segment, 8 concurrent", segments.Count, clock.Elapsed);

// One patient, whole 30-minute record written, then read back in one range.
var readStore = await NewWaveformStoreAsync("read");
WfdbSignals whole = patients[0].Signals;
await readStore.WriteAsync(WaveformSegmenter.Split("reader", streamStart, 0, 360, ["MLII", "V1"], [whole.GetSignal(0), whole.GetSignal(1)]));
for (int i = 0; i < 3; i++)
{
    clock.Restart();
    WaveformRange range = await readStore.ReadAsync("reader", streamStart, streamStart.AddMinutes(30));
    Console.WriteLine($"read 30 min x 2 leads ({range.Spans.Sum(span => span.SampleCount):N0} samples per lead, {range.Spans.Count} span): {clock.Elapsed.TotalMilliseconds:F0} ms");
}

// Grain state: a 1 KiB state written and read 300 times each, one at a time.
ServiceProvider services = new ServiceCollection().AddSerializer().BuildServiceProvider();
var grainStorage = new TableGrainStorage("load", new TableGrainStorageOptions { ConnectionString = connectionString, TableName = $"loadstate{run}" },
    new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()));
await grainStorage.InitializeAsync();
var state = new GrainState<byte[]>(new byte[1024]);
GrainId grain = GrainId.Create("patient", "load");
var writes = new List<double>();
var reads = new List<double>();
for (int i = 0; i < 300; i++)
{
    state.State![0] = (byte)i;
    clock.Restart();
    await grainStorage.WriteStateAsync("state", grain, state);
    writes.Add(clock.Elapsed.TotalMilliseconds);
    clock.Restart();
    await grainStorage.ReadStateAsync("state", grain, new GrainState<byte[]>());
    reads.Add(clock.Elapsed.TotalMilliseconds);
}
Latency("grain state write (1 KiB, ETag-conditional replace)", writes);
Latency("grain state read", reads);

async Task<WaveformStore> NewWaveformStoreAsync(string name)
{
    var store = new WaveformStore(new WaveformStoreOptions { ConnectionString = connectionString, TableName = $"load{name}{run}" });
    await store.InitializeAsync();
    return store;
}

static void Report(string what, int count, TimeSpan elapsed) =>
    Console.WriteLine($"{what}: {count} segments in {elapsed.TotalSeconds:F2} s = {count / elapsed.TotalSeconds:F0} segments/s");

static void Latency(string what, List<double> milliseconds)
{
    milliseconds.Sort();
    double Percentile(double p) => milliseconds[(int)Math.Min(milliseconds.Count - 1, p * milliseconds.Count)];
    Console.WriteLine($"{what}: p50 {Percentile(0.5):F2} ms, p95 {Percentile(0.95):F2} ms, p99 {Percentile(0.99):F2} ms, max {milliseconds[^1]:F2} ms (n={milliseconds.Count})");
}
