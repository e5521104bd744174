using Monitoring.Wfdb;

namespace Monitoring.Evaluation;

/// <summary>
/// Episode-by-episode comparison as ANSI/AAMI EC57 and WFDB epicmp define it. Episode statistics give each episode
/// equal weight: a reference episode is detected, and a test episode is a true positive, when it overlaps an episode of
/// the other annotator by any amount. Duration statistics weigh by time: duration sensitivity is the overlap over
/// the reference episode time, duration positive predictivity the overlap over the test episode time. Only the
/// scored period counts (from 5:00 by default; episodes are clipped to it).
/// </summary>
public static class EpisodeComparer
{
    /// <summary>
    /// Atrial fibrillation: <c>(AFIB</c> episodes. Reference atrial flutter (<c>(AFL</c>) is left out: test AF during it
    /// neither counts for nor against the test annotator, and a test episode wholly inside it is not counted.
    /// </summary>
    public static EpisodeComparison AtrialFibrillation(string recordName, IReadOnlyList<WfdbAnnotation> reference,
        IReadOnlyList<WfdbAnnotation> test, double samplingFrequency, long recordEnd, EpisodeOptions? options = null) =>
        Compare(recordName,
            RhythmEpisodes.Rhythm(reference, RhythmEpisodes.AtrialFibrillation, recordEnd),
            RhythmEpisodes.Rhythm(test, RhythmEpisodes.AtrialFibrillation, recordEnd),
            RhythmEpisodes.Rhythm(reference, RhythmEpisodes.AtrialFlutter, recordEnd),
            samplingFrequency, recordEnd, options ?? EpisodeOptions.Standard);

    /// <summary>Ventricular tachycardia: <c>(VT</c> rhythm episodes.</summary>
    public static EpisodeComparison VentricularTachycardia(string recordName, IReadOnlyList<WfdbAnnotation> reference,
        IReadOnlyList<WfdbAnnotation> test, double samplingFrequency, long recordEnd, EpisodeOptions? options = null) =>
        Compare(recordName,
            RhythmEpisodes.Rhythm(reference, RhythmEpisodes.VentricularTachycardia, recordEnd),
            RhythmEpisodes.Rhythm(test, RhythmEpisodes.VentricularTachycardia, recordEnd),
            [], samplingFrequency, recordEnd, options ?? EpisodeOptions.Standard);

    /// <summary>Ventricular flutter/fibrillation: VFON-VFOFF episodes.</summary>
    public static EpisodeComparison VentricularFibrillation(string recordName, IReadOnlyList<WfdbAnnotation> reference,
        IReadOnlyList<WfdbAnnotation> test, double samplingFrequency, long recordEnd, EpisodeOptions? options = null) =>
        Compare(recordName,
            RhythmEpisodes.VentricularFibrillation(reference, recordEnd),
            RhythmEpisodes.VentricularFibrillation(test, recordEnd),
            [], samplingFrequency, recordEnd, options ?? EpisodeOptions.Standard);

    /// <summary>
    /// Compares episode lists directly. <paramref name="excluded"/> are reference stretches where the test annotator is
    /// neither rewarded nor penalised. <paramref name="recordEnd"/> ends the scored period unless the options say otherwise.
    /// </summary>
    public static EpisodeComparison Compare(string recordName, IReadOnlyList<Episode> reference, IReadOnlyList<Episode> test,
        IReadOnlyList<Episode> excluded, double samplingFrequency, long recordEnd, EpisodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var period = new Episode(
            Ec57Comparer.ToSamples(options.FromSeconds, samplingFrequency),
            options.ToSeconds is { } to ? Ec57Comparer.ToSamples(to, samplingFrequency) : recordEnd);
        long minimum = Ec57Comparer.ToSamples(options.MinimumEpisodeSeconds, samplingFrequency);
        var references = Clip(reference, period);
        var tests = Clip(test, period);
        var exclusions = Clip(excluded, period);

        int referenceCount = 0, detected = 0, testCount = 0, truePositives = 0;
        long referenceTime = 0, testTime = 0, overlapTime = 0;
        foreach (var episode in references)
        {
            referenceTime += episode.Length;
            if (episode.Length < minimum) continue;
            referenceCount++;
            if (OverlapsAny(episode, tests)) detected++;
        }
        foreach (var episode in tests)
        {
            long counted = episode.Length - TotalOverlap(episode, exclusions);
            testTime += counted;
            overlapTime += TotalOverlap(episode, references);
            if (counted <= 0 || episode.Length < minimum) continue;
            testCount++;
            if (OverlapsAny(episode, references)) truePositives++;
        }

        return new EpisodeComparison(recordName, referenceCount, detected, testCount, truePositives,
            referenceTime / samplingFrequency, testTime / samplingFrequency, overlapTime / samplingFrequency);
    }

    /// <summary>The parts of the episodes inside the period; episodes outside it are dropped.</summary>
    private static List<Episode> Clip(IReadOnlyList<Episode> episodes, Episode period)
    {
        var clipped = new List<Episode>(episodes.Count);
        foreach (var episode in episodes)
        {
            var part = new Episode(Math.Max(episode.Start, period.Start), Math.Min(episode.End, period.End));
            if (part.Length > 0) clipped.Add(part);
        }
        return clipped;
    }

    private static bool OverlapsAny(Episode episode, List<Episode> others) => TotalOverlap(episode, others) > 0;

    private static long TotalOverlap(Episode episode, List<Episode> others)
    {
        long total = 0;
        foreach (var other in others) total += episode.Overlap(other);
        return total;
    }
}
