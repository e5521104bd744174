namespace Monitoring.Contracts.Patients;

/// <summary>
/// The patient's answer to a batch of samples. <see cref="AlarmsUnstoredFromUnixMs"/>: device time from which the
/// alarm changes the analysis found are not all stored (the alarm log fails), or null when they are. The device grain
/// keeps this mark with its state, so that an analysis resuming after a lost host reports again what was found from
/// there, even in samples that are stored by then (see <see cref="Waveforms.RecentStream.NotAnalysedFromUnixMs"/>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IngestReceipt([property: Id(0)] long? AlarmsUnstoredFromUnixMs)
{
    /// <summary>The usual answer, shared rather than made for every batch.</summary>
    public static readonly IngestReceipt AllStored = new((long?)null);
}
