using Monitoring.Wfdb;

namespace Monitoring.Grains.Tests;

/// <summary>Pacemaker pulses for a shared record, as a front end with pulse detection would report them.</summary>
internal static class PacemakerPulses
{
    /// <summary>
    /// The sample of every paced and paced-fusion beat of the reference annotations, moved <paramref name="shiftMs"/>
    /// later (0: on the beat; 400: into the interval after it, a pulse nothing answers).
    /// </summary>
    public static long[] FromAnnotations(string database, string record, int shiftMs, double samplingFrequency) =>
        [.. WfdbAnnotationReader.Read(SharedData.Record(database, record) + ".atr")
            .Where(a => a.Code is AnnotationCode.Pace or AnnotationCode.Pfus)
            .Select(a => a.Sample + (long)Math.Round(shiftMs * samplingFrequency / 1000))];

    /// <summary>The pulses among <paramref name="pulses"/> within samples [<paramref name="from"/>, <paramref name="to"/>), counted from <paramref name="from"/>.</summary>
    public static int[] Within(long[] pulses, long from, long to) => [.. pulses.Where(p => p >= from && p < to).Select(p => (int)(p - from))];
}
