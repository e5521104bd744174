using Monitoring.Contracts.Devices;
using Monitoring.Grains.Tests;
using Monitoring.Wfdb;

namespace Monitoring.Server.Tests;

/// <summary>A stretch of a shared record's first lead cut into 250-ms device batches, timed so that it ends now.</summary>
internal static class RecordStream
{
    /// <param name="pacePulseShiftMs">When given, the batches report a pacemaker pulse this long after each paced beat (see <see cref="PacemakerPulses"/>).</param>
    public static List<DeviceBatch> Batches(string deviceId, string database, string record, double fromSeconds, double toSeconds, long firstSequence = 1, long? endUnixMs = null,
        int? pacePulseShiftMs = null)
    {
        var signals = WfdbRecordReader.ReadSignals(SharedData.Record(database, record));
        long[] pulses = pacePulseShiftMs is int shift ? PacemakerPulses.FromAnnotations(database, record, shift, signals.Header.SamplingFrequency) : [];
        int rate = (int)Math.Round(signals.Header.SamplingFrequency);
        short[] lead = signals.GetSignal(0);
        int perBatch = rate / 4;
        int from = (int)(fromSeconds * rate), count = ((int)(toSeconds * rate) - from) / perBatch;
        long start = (endUnixMs ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()) - count * 250L;
        var batches = new List<DeviceBatch>(count);
        for (int i = 0; i < count; i++)
        {
            int offset = from + i * perBatch;
            batches.Add(new DeviceBatch
            {
                DeviceId = deviceId,
                Sequence = firstSequence + i,
                FirstSampleTimeUnixMs = start + i * 250L,
                SamplingRateHz = rate,
                GainUnitsPerMv = signals.GetGain(0),
                Leads = ["II"],
                Samples = lead[offset..(offset + perBatch)],
                PacePulses = PacemakerPulses.Within(pulses, offset, offset + perBatch),
            });
        }
        return batches;
    }
}
