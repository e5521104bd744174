using Monitoring.Wfdb;

namespace Monitoring.Storage.Tests;

/// <summary>mitdb records as the store sees them: both leads, 360 Hz, raw ADC units.</summary>
internal static class MitdbRecords
{
    public static (short[][] Samples, string[] LeadNames, int SamplingRateHz) Read(string record)
    {
        WfdbSignals signals = WfdbRecordReader.ReadSignals(SharedData.Record("mitdb", record));
        var samples = new short[signals.SignalCount][];
        var names = new string[signals.SignalCount];
        for (int lead = 0; lead < samples.Length; lead++)
        {
            samples[lead] = signals.GetSignal(lead);
            names[lead] = signals.Header.Signals[lead].Description;
        }
        return (samples, names, (int)signals.Header.SamplingFrequency);
    }

    /// <summary>Samples [first, first + count) of every lead.</summary>
    public static short[][] Slice(short[][] samples, int first, int count) =>
        samples.Select(lead => lead.AsSpan(first, count).ToArray()).ToArray();
}
