using System.Diagnostics;
using Monitoring.DeviceClient;

namespace Monitoring.Simulator;

// Inside namespace Monitoring, "DeviceClient" alone names the library's namespace.
using DeviceClient = Monitoring.DeviceClient.DeviceClient;

/// <summary>
/// One device: every batch period it cuts the next batch from its recording (looping) and hands it to its
/// <see cref="DeviceClient"/>. Batches are due on a fixed schedule; how late the simulator gets to them shows
/// whether one process can drive this many devices.
/// </summary>
public sealed class SimulatedDevice(DeviceClient client, BatchBuilder batches, NetworkImpairment impairment)
{
    private long _generated, _late, _blocked;
    private double _maxLagMs;

    public DeviceClient Client { get; } = client;

    /// <summary>Samples per second per lead the device streams.</summary>
    public int SamplingRateHz => batches.SamplingRateHz;

    /// <summary>Batches made.</summary>
    public long Generated => Interlocked.Read(ref _generated);

    /// <summary>Batches made more than one batch period after they were due.</summary>
    public long Late => Interlocked.Read(ref _late);

    /// <summary>Batches that had to wait for room in the client's buffer (back-pressure).</summary>
    public long Blocked => Interlocked.Read(ref _blocked);

    public double MaxLagMs => Volatile.Read(ref _maxLagMs);

    /// <param name="firstDue">Stopwatch timestamp at which the first batch is due.</param>
    /// <param name="period">Wall time between batches.</param>
    /// <param name="stop">Ends the run.</param>
    public async Task RunAsync(long firstDue, TimeSpan period, CancellationToken stop)
    {
        long periodTicks = (long)(period.TotalSeconds * Stopwatch.Frequency);
        long due = firstDue;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                long wait = due - Stopwatch.GetTimestamp();
                if (wait > 0) await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), stop);

                double lagMs = (Stopwatch.GetTimestamp() - due) * 1000.0 / Stopwatch.Frequency;
                if (lagMs > period.TotalMilliseconds) Interlocked.Increment(ref _late);
                if (lagMs > _maxLagMs) Volatile.Write(ref _maxLagMs, lagMs);

                SampleBlock block = batches.Next()!;
                if (!Client.TryEnqueue(block, out _))
                {
                    Interlocked.Increment(ref _blocked);
                    await Client.EnqueueAsync(block, stop);
                }
                Interlocked.Increment(ref _generated);
                if (impairment.DropAfterThisBatch()) _ = Client.DropConnectionAsync();
                due += periodTicks;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
