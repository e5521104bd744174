using Monitoring.DeviceClient;
using Monitoring.Wfdb;

namespace Monitoring.Simulator;

/// <summary>
/// Turns a two-channel WFDB record into the leads a simulated device sends: 1 (a patch: the first channel), 2 (a
/// bedside monitor: both channels) or 12 (an ambulance unit). The records have only two channels, so the 12 leads
/// are SYNTHETIC, for load only: the first channel is taken as II, lead I as half of II, and III, aVR, aVL, aVF follow
/// from Einthoven's and Goldberger's relations; V1 is the second channel and V2 to V6 blend it towards II.
/// Samples are sent with the record's baseline taken off.
/// </summary>
public static class LeadLayout
{
    public static readonly string[] TwelveLeads = ["I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"];

    public static EcgRecording Build(WfdbSignals signals, int leads)
    {
        int rate = (int)Math.Round(signals.Header.SamplingFrequency);
        double gain = signals.GetGain(0);
        return leads switch
        {
            1 => new EcgRecording([Name(signals, 0, "II")], [Centred(signals, 0)], rate, gain),
            2 => new EcgRecording(TwoNames(signals), [Centred(signals, 0), Centred(signals, 1)], rate, gain),
            12 => new EcgRecording(TwelveLeads, Twelve(signals), rate, gain),
            _ => throw new ArgumentOutOfRangeException(nameof(leads), leads, "1, 2 or 12 leads."),
        };
    }

    /// <summary>The channel with its baseline taken off: a batch carries no baseline, so 0 must mean 0 mV.</summary>
    private static short[] Centred(WfdbSignals signals, int channel)
    {
        short[] raw = signals.GetSignal(channel);
        int baseline = signals.GetBaseline(channel);
        var centred = new short[raw.Length];
        for (int i = 0; i < raw.Length; i++) centred[i] = (short)Math.Clamp(raw[i] - baseline, short.MinValue, short.MaxValue);
        return centred;
    }

    private static string[] TwoNames(WfdbSignals signals)
    {
        string first = Name(signals, 0, "ECG1"), second = Name(signals, 1, "ECG2");
        return first == second ? ["ECG1", "ECG2"] : [first, second];
    }

    /// <summary>The header's description as a lead name (MLII, modified lead II, is sent as II).</summary>
    private static string Name(WfdbSignals signals, int channel, string fallback)
    {
        string description = signals.Header.Signals[channel].Description.Trim();
        if (description == "MLII") return "II";
        return description.Length is > 0 and <= 8 ? description : fallback;
    }

    private static short[][] Twelve(WfdbSignals signals)
    {
        short[] first = signals.GetSignal(0), second = signals.GetSignal(1);
        int baseline0 = signals.GetBaseline(0), baseline1 = signals.GetBaseline(1);
        var leads = new short[12][];
        for (int lead = 0; lead < 12; lead++) leads[lead] = new short[first.Length];
        Span<double> values = stackalloc double[12];
        for (int i = 0; i < first.Length; i++)
        {
            double ii = first[i] - baseline0, v = second[i] - baseline1;
            double i1 = ii / 2;
            values[0] = i1;
            values[1] = ii;
            values[2] = ii - i1;
            values[3] = -(i1 + ii) / 2;
            values[4] = i1 - ii / 2;
            values[5] = ii - i1 / 2;
            for (int k = 0; k < 6; k++) values[6 + k] = ((5 - k) * v + k * ii) / 5;
            for (int lead = 0; lead < 12; lead++) leads[lead][i] = (short)Math.Clamp(Math.Round(values[lead]), short.MinValue, short.MaxValue);
        }
        return leads;
    }
}
