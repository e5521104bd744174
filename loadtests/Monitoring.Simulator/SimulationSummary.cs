namespace Monitoring.Simulator;

/// <summary>The totals of a run, written as JSON at the end (stdout or --report).</summary>
public sealed record SimulationSummary
{
    public required string Server { get; init; }
    public required int Devices { get; init; }
    public required int Leads { get; init; }
    public required int BatchMilliseconds { get; init; }
    public required double Speed { get; init; }
    public required double ElapsedSeconds { get; init; }

    /// <summary>Batches per second all devices should make together.</summary>
    public required double ScheduledBatchesPerSecond { get; init; }

    public required long Generated { get; init; }

    /// <summary>Batches made more than one period late (the simulator fell behind its schedule).</summary>
    public required long Late { get; init; }

    public required double MaxScheduleLagMs { get; init; }

    /// <summary>Batches that waited for room in a full client buffer.</summary>
    public required long BackPressured { get; init; }

    public required long Sent { get; init; }
    public required long Accepted { get; init; }
    public required double AcceptedPerSecond { get; init; }
    public required long Duplicates { get; init; }

    /// <summary>Batches the cloud already had on their first send: it remembers these device ids from an earlier
    /// run (use --first-sequence or another --device-prefix).</summary>
    public required long DuplicatesOnFirstSend { get; init; }
    public required long Rejected { get; init; }
    public required long Resent { get; init; }

    /// <summary>Times the cloud asked a device to send again everything it keeps (a grain restarted, or a batch went astray).</summary>
    public required long ResendRequests { get; init; }

    public required long Probes { get; init; }
    public required long SendFailures { get; init; }
    public required long Reconnects { get; init; }

    /// <summary>
    /// Batches the devices let go although the cloud does not hold their samples (rejected, or renumbered away), and
    /// those samples per lead: data lost. Must be 0 (see DeviceClientStatistics.LostBatches).
    /// </summary>
    public required long LostBatches { get; init; }

    public required long LostSamples { get; init; }

    /// <summary>Batches still kept (not persisted) when the run ended, after the final drain.</summary>
    public required long PendingAtEnd { get; init; }

    public required double MeanAckLatencyMs { get; init; }
    public required double MaxAckLatencyMs { get; init; }

    /// <summary>Processor time of the simulator process over the run, as a share of one core (100 = one core busy).</summary>
    public required double CpuPercentOfOneCore { get; init; }

    public required double PeakWorkingSetMb { get; init; }
    public required IReadOnlyDictionary<string, long> RejectionsByCode { get; init; }

    /// <summary>New alarms a console of the demo centre received, and their latency from evidence to console (only with --provision).</summary>
    public AlarmLatency? AlarmLatency { get; init; }
}
