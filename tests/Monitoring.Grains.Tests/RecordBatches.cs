using Monitoring.Contracts.Devices;
using Monitoring.Wfdb;

namespace Monitoring.Grains.Tests;

/// <summary>Cuts a stretch of a shared record's first lead into device batches, as a one-lead patch would send it.</summary>
internal static class RecordBatches
{
    /// <param name="pacePulseShiftMs">When given, the batches report a pacemaker pulse this long after each paced or
    /// paced-fusion beat of the reference annotations (0: on the beat), as a front end with pulse detection would.</param>
    public static IEnumerable<DeviceBatch> From(string database, string record, double fromSeconds, double toSeconds, int batchMs = 250, string device = "dev-1",
        int? pacePulseShiftMs = null)
    {
        var signals = WfdbRecordReader.ReadSignals(SharedData.Record(database, record));
        long[] pulses = pacePulseShiftMs is int shift ? PacemakerPulses.FromAnnotations(database, record, shift, signals.Header.SamplingFrequency) : [];
        int rate = (int)Math.Round(signals.Header.SamplingFrequency);
        short[] lead = signals.GetSignal(0);
        int perBatch = rate * batchMs / 1000;
        int from = (int)(fromSeconds * rate), to = Math.Min(lead.Length, (int)(toSeconds * rate));
        long sequence = 0;
        for (int start = from; start + perBatch <= to; start += perBatch)
        {
            yield return new DeviceBatch
            {
                DeviceId = device,
                Sequence = ++sequence,
                FirstSampleTimeUnixMs = Batches.Start + (long)Math.Round((start - from) * 1000.0 / rate),
                SamplingRateHz = rate,
                GainUnitsPerMv = signals.GetGain(0),
                Leads = ["II"],
                Samples = lead[start..(start + perBatch)],
                PacePulses = PacemakerPulses.Within(pulses, start, start + perBatch),
            };
        }
    }
}
