using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Consults;
using Monitoring.Contracts.Network;

namespace Monitoring.Grains.Telemetry;

/// <summary>The product's own metrics (meter <see cref="MeterName"/>): ingestion, analysis time, alarms, consults.</summary>
public static class MonitoringMetrics
{
    public const string MeterName = "Monitoring";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> BatchesAccepted = Meter.CreateCounter<long>("monitoring.batches.accepted", description: "Device batches accepted by their grain.");
    private static readonly Counter<long> BatchesDuplicate = Meter.CreateCounter<long>("monitoring.batches.duplicate", description: "Resent batches dropped as duplicates.");
    private static readonly Counter<long> BatchesGivenUp = Meter.CreateCounter<long>("monitoring.batches.given_up", description: "Missing batches the device did not send again when asked: the acknowledged watermark passes them.");
    private static readonly Counter<long> BatchesLate = Meter.CreateCounter<long>("monitoring.batches.late", description: "Batches that filled a gap after later ones (stored, not analysed).");
    private static readonly Counter<long> AuthenticationFailures = Meter.CreateCounter<long>("monitoring.authentication.failures", description: "Connections and requests refused for a wrong or revoked credential, by scheme (a missing one is refused but not counted; where operators and users are both accepted, each scheme judges only its own kind of token).");
    private static readonly Counter<long> BatchesRejected = Meter.CreateCounter<long>("monitoring.batches.rejected", description: "Batches rejected, by reason.");
    private static readonly Counter<long> SamplesIngested = Meter.CreateCounter<long>("monitoring.samples.ingested", description: "Samples accepted (all leads).");
    private static readonly Histogram<double> AnalysisTime = Meter.CreateHistogram<double>("monitoring.analysis.duration", "ms", "Arrhythmia analysis time per batch.");
    private static readonly Counter<long> AlarmsChanged = Meter.CreateCounter<long>("monitoring.alarms.changes", description: "Alarm state changes, by priority and state.");
    private static readonly Histogram<double> ResumeTime = Meter.CreateHistogram<double>("monitoring.analysis.resume_duration", "ms", "Time a new analysis took to read and analyse the stream's recent past before taking over from a lost one, by outcome (resumed, no_history, read_failed).");
    private static readonly Histogram<double> AlarmRaiseLatency = Meter.CreateHistogram<double>("monitoring.alarm.raise_latency", "ms", "From the arrival of the batch that revealed a condition to the alarm being stored (it is pushed while the writes are under way).");
    private static readonly Histogram<double> AlarmPushLatency = Meter.CreateHistogram<double>("monitoring.alarm.push_latency", "ms", "From the arrival of the batch that revealed a condition to the alarm handed to the consoles' connections (pushed while it is being stored).");
    private static readonly Counter<long> AlarmsEscalated = Meter.CreateCounter<long>("monitoring.alarms.escalations", description: "Alarm escalations one tier up, by priority.");
    private static readonly Counter<long> ConsultsRequested = Meter.CreateCounter<long>("monitoring.consults.requested", description: "Consults opened, by urgency.");
    private static readonly Counter<long> ConsultsEscalated = Meter.CreateCounter<long>("monitoring.consults.escalations", description: "Consults moved one centre up (not accepted in time, or declined), by urgency.");
    private static readonly Counter<long> NetworkWarnings = Meter.CreateCounter<long>("monitoring.network.warnings", description: "Device links entering a warning state (offline, loss, reconnects, latency, jitter), by kind.");
    private static readonly Counter<long> SegmentsWritten = Meter.CreateCounter<long>("monitoring.segments.written", description: "Full-disclosure segments written.");
    private static readonly Counter<long> BatchesAlreadyStored = Meter.CreateCounter<long>("monitoring.batches.already_stored", description: "Batches left out of a full-disclosure write because storage already held them (written by another activation of the device's grain).");
    private static readonly Counter<long> AlarmStoreFailures = Meter.CreateCounter<long>("monitoring.alarms.store_failures", description: "Alarm changes pushed before they could be stored (storage failing; retried every second).");
    private static readonly Counter<long> AlarmPushFailures = Meter.CreateCounter<long>("monitoring.alarms.push_failures", description: "Alarm changes whose push to the consoles failed (stored; the consoles' periodic comparison with the server brings them in).");
    private static readonly Counter<long> AnalysisDeliveryFailures = Meter.CreateCounter<long>("monitoring.analysis.delivery_failures", description: "Calls handing a batch to its patient's analysis that failed (the patient's host lost mid-call); the batch is handed over again, by outcome (retried, given_up).");
    private static readonly Counter<long> SegmentWriteFailures = Meter.CreateCounter<long>("monitoring.segments.write_failures", description: "Full-disclosure writes that failed (kept and retried).");

    /// <summary>Consults waiting for acceptance in this host, with the tier of the centre whose queue holds them.</summary>
    private static readonly ConcurrentDictionary<string, FacilityTier> WaitingConsults = new(StringComparer.Ordinal);

    static MonitoringMetrics()
    {
        Meter.CreateObservableGauge("monitoring.consults.queue_length", ObserveConsultQueues,
            description: "Consults waiting for acceptance in centre queues, by the centre's tier (those whose grain is active in this host).");
    }

    public static void CountAuthenticationFailure(string scheme) => AuthenticationFailures.Add(1, new KeyValuePair<string, object?>("scheme", scheme));

    public static void CountAccepted(int samples)
    {
        BatchesAccepted.Add(1);
        SamplesIngested.Add(samples);
    }

    public static void CountDuplicate() => BatchesDuplicate.Add(1);

    public static void CountLate() => BatchesLate.Add(1);

    public static void CountBatchesGivenUp(long batches) => BatchesGivenUp.Add(batches);

    public static void CountRejected(string reason) => BatchesRejected.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public static void CountSegmentWritten() => SegmentsWritten.Add(1);

    public static void CountAlreadyStored(int batches) => BatchesAlreadyStored.Add(batches);

    public static void CountAlarmStoreFailure() => AlarmStoreFailures.Add(1);

    public static void CountSegmentWriteFailure() => SegmentWriteFailures.Add(1);

    public static void RecordResume(string outcome, TimeSpan took) => ResumeTime.Record(took.TotalMilliseconds, new KeyValuePair<string, object?>("outcome", outcome));

    public static void CountAlarmPushFailure() => AlarmPushFailures.Add(1);

    public static void CountAnalysisDeliveryFailure(bool givenUp) => AnalysisDeliveryFailures.Add(1, new KeyValuePair<string, object?>("outcome", givenUp ? "given_up" : "retried"));

    public static void CountAlarm(Alarm alarm, long nowUnixMs)
    {
        AlarmsChanged.Add(1, new KeyValuePair<string, object?>("priority", alarm.Priority.ToString()), new KeyValuePair<string, object?>("state", alarm.State.ToString()));
        // Only a raise (version 1, or a latched alarm's recurrence) measures latency: other changes come from clinicians and deadlines.
        if (alarm.IsRaise) AlarmRaiseLatency.Record(nowUnixMs - alarm.EvidenceArrivedUnixMs);
    }

    /// <summary>A raised alarm was handed to the hub: the server's share of the alarm latency.</summary>
    public static void RecordAlarmPushed(Alarm alarm, long nowUnixMs)
    {
        if (alarm.IsRaise) AlarmPushLatency.Record(nowUnixMs - alarm.EvidenceArrivedUnixMs);
    }

    public static void CountNetworkWarning(string kind) => NetworkWarnings.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public static void CountEscalation(AlarmPriority priority) => AlarmsEscalated.Add(1, new KeyValuePair<string, object?>("priority", priority.ToString()));

    public static void CountConsultRequested(ConsultUrgency urgency) => ConsultsRequested.Add(1, new KeyValuePair<string, object?>("urgency", urgency.ToString()));

    public static void CountConsultEscalation(ConsultUrgency urgency) => ConsultsEscalated.Add(1, new KeyValuePair<string, object?>("urgency", urgency.ToString()));

    /// <summary>A consult waits for acceptance in the queue of a centre of <paramref name="tier"/>, or (null) no longer waits in this host.</summary>
    public static void TrackConsultWaiting(string consultId, FacilityTier? tier)
    {
        if (tier is { } t) WaitingConsults[consultId] = t;
        else WaitingConsults.TryRemove(consultId, out _);
    }

    private static IEnumerable<Measurement<int>> ObserveConsultQueues()
    {
        var perTier = new int[Enum.GetValues<FacilityTier>().Length];
        foreach (FacilityTier tier in WaitingConsults.Values) perTier[(int)tier]++;
        for (int i = 0; i < perTier.Length; i++) yield return new Measurement<int>(perTier[i], new KeyValuePair<string, object?>("tier", ((FacilityTier)i).ToString()));
    }

    /// <summary>Times the analysis of one batch: <c>using (MonitoringMetrics.MeasureAnalysis()) { ... }</c>.</summary>
    public static AnalysisTimer MeasureAnalysis() => new(Stopwatch.GetTimestamp());

    public readonly struct AnalysisTimer(long start) : IDisposable
    {
        public void Dispose() => AnalysisTime.Record(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }
}
