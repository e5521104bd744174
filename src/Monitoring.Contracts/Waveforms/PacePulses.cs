namespace Monitoring.Contracts.Waveforms;

/// <summary>Pacemaker pulses as a device reports them: increasing sample indices (per lead) within a stretch of samples.</summary>
public static class PacePulses
{
    /// <summary>The pulses in samples <paramref name="from"/> to <paramref name="to"/> (exclusive), counted from <paramref name="from"/>.</summary>
    public static int[] Within(int[] pulses, int from, int to)
    {
        int first = 0;
        while (first < pulses.Length && pulses[first] < from) first++;
        int end = first;
        while (end < pulses.Length && pulses[end] < to) end++;
        var within = new int[end - first];
        for (int i = 0; i < within.Length; i++) within[i] = pulses[first + i] - from;
        return within;
    }
}
