using Monitoring.DeviceClient;
using Monitoring.Wfdb;

namespace Monitoring.Cluster.Tests;

using DeviceClient = Monitoring.DeviceClient.DeviceClient;

/// <summary>
/// A device streaming the first lead of a shared record in real time (250 ms batches) through the device client,
/// which knows every host of the cluster, optionally over the simulator's impaired network (late acknowledgements,
/// dropped connections). Keeps every sample it hands over, to compare with storage afterwards.
/// </summary>
public sealed class StreamingDevice : IAsyncDisposable
{
    private static readonly TimeSpan BatchPeriod = TimeSpan.FromMilliseconds(250);

    private readonly BatchBuilder _batches;
    private readonly List<short> _sent = [];
    private readonly NetworkImpairment _impairment;
    private readonly CancellationTokenSource _stop = new();
    private Task _pump = Task.CompletedTask;

    public StreamingDevice(string deviceId, string patientId, string token, EcgRecording recording, int startSample, Uri first, IReadOnlyList<Uri> alternates,
        NetworkImpairment? impairment = null)
    {
        _impairment = impairment ?? NetworkImpairment.None;
        DeviceId = deviceId;
        PatientId = patientId;
        StartUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        SamplingRateHz = recording.SamplingRateHz;
        _batches = new BatchBuilder(recording, (int)BatchPeriod.TotalMilliseconds, StartUnixMs, startSample, loop: true);
        Client = new DeviceClient(_impairment.Apply(new DeviceClientOptions
        {
            ServerUrl = first,
            AlternateServerUrls = alternates,
            DeviceId = deviceId,
            Token = token,
            ReconnectBackoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(4)),
        }));
    }

    public string DeviceId { get; }

    public string PatientId { get; }

    public long StartUnixMs { get; }

    public int SamplingRateHz { get; }

    public DeviceClient Client { get; }

    /// <summary>Every sample handed to the client, in order.</summary>
    public IReadOnlyList<short> Sent => _sent;

    /// <summary>Time just after the last sample handed over.</summary>
    public long EndUnixMs => _batches.NextSampleTimeUnixMs;

    /// <summary>A one-lead recording of the record's first channel.</summary>
    public static EcgRecording Record(string database, string record)
    {
        WfdbSignals signals = WfdbRecordReader.ReadSignals(SharedData.Record(database, record));
        return new EcgRecording(["II"], [signals.GetSignal(0)], (int)Math.Round(signals.Header.SamplingFrequency), signals.GetGain(0));
    }

    public async Task StartAsync()
    {
        await Client.StartAsync();
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Stops producing (the client keeps sending what it holds).</summary>
    public async Task StopProducingAsync()
    {
        await _stop.CancelAsync();
        await _pump;
    }

    public async ValueTask DisposeAsync()
    {
        await StopProducingAsync();
        await Client.DisposeAsync();
        _stop.Dispose();
    }

    private async Task PumpAsync()
    {
        using var timer = new PeriodicTimer(BatchPeriod);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                // Catch up if the timer fell behind, so the device clock keeps to the wall clock.
                while (_batches.NextSampleTimeUnixMs + BatchPeriod.TotalMilliseconds <= DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())
                {
                    SampleBlock block = _batches.Next()!;
                    await Client.EnqueueAsync(block, _stop.Token);
                    _sent.AddRange(block.Samples);
                    if (_impairment.DropAfterThisBatch()) _ = Client.DropConnectionAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
