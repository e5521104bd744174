using Monitoring.Wfdb;

namespace Monitoring.Evaluation;

/// <summary>
/// Beat-by-beat comparison of a test annotator against reference annotations, reimplementing the
/// algorithm of WFDB bxb (ANSI/AAMI EC57 / EC38). Written from a reading of bxb.c (GPL); no code copied.
/// </summary>
/// <remarks>
/// Rules, as bxb applies them:
/// <list type="bullet">
/// <item>Only beat annotations are compared (<see cref="AamiClassMap"/>); rhythm and other notes are ignored.</item>
/// <item>Both annotation lists are walked in time order. The earlier of the current reference beat and the
/// current test beat is paired with the other one when they are within the match window (inclusive) and
/// no closer partner exists: the pair is taken if it is closer than the other beat's next neighbour, or if
/// that neighbour is closer still to its own next counterpart (bxb's 2002 rule for fast rhythms).
/// Otherwise the earlier beat is unmatched. Pairing is therefore one-to-one.</item>
/// <item>Scoring starts at <see cref="Ec57Options.FromSeconds"/>. A test beat just before the start may match
/// the first scored reference beat, and a first test beat within one window after the start that belongs
/// to an earlier reference beat is dropped, so the start does not manufacture errors.</item>
/// <item>Scoring continues while either current beat is at or before <see cref="Ec57Options.ToSeconds"/>,
/// or, without an end, until both lists are exhausted (test beats after the last reference beat are false).</item>
/// <item>Each annotator's beats between its own <c>[</c> (32) and <c>]</c> (33) are skipped. Unmatched test
/// beats inside a reference VF episode are not counted at all; reference beats inside a test VF episode
/// get no special treatment.</item>
/// <item>Shutdown (<see cref="Ec57.ShutdownStart"/>): an unmatched reference beat during a test shutdown is
/// counted in the x column instead of o; an unmatched test beat during a reference shutdown in the X row
/// instead of O. Both still count as QRS FN / FP, as in bxb.</item>
/// </list>
/// Known, deliberate differences: e and j are class N (see <see cref="AamiClassMap"/>); flutter waves
/// (<c>!</c>) are ignored even outside VF episodes (bxb would score them as O); a shutdown or VF episode
/// left open at the end of the annotations lasts to the end.
/// </remarks>
public static class Ec57Comparer
{
    public static RecordComparison Compare(
        string recordName,
        IReadOnlyList<WfdbAnnotation> reference,
        IReadOnlyList<WfdbAnnotation> test,
        double samplingFrequency,
        Ec57Options options)
    {
        ArgumentNullException.ThrowIfNull(recordName);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(options);
        if (!(samplingFrequency > 0))
            throw new ArgumentOutOfRangeException(nameof(samplingFrequency), "Must be positive.");
        if (!(options.MatchWindowSeconds >= 0) || !(options.FromSeconds >= 0))
            throw new ArgumentOutOfRangeException(nameof(options), "Window and start must be non-negative.");
        if (options.ToSeconds < options.FromSeconds)
            throw new ArgumentOutOfRangeException(nameof(options), "The end precedes the start.");

        long window = ToSamples(options.MatchWindowSeconds, samplingFrequency);
        long start = ToSamples(options.FromSeconds, samplingFrequency);
        long end = options.ToSeconds is { } to ? ToSamples(to, samplingFrequency) : SampleInterval.Unbounded - 1;

        var referenceTrack = AnnotatorTrack.Read(reference, window);
        var testTrack = AnnotatorTrack.Read(test, window);
        var matrix = new ConfusionMatrix();
        var r = new BeatCursor(referenceTrack.Beats);
        var t = new BeatCursor(testTrack.Beats);

        // r: first reference beat at or after the start. t: last test beat before it; t.Next: first one after.
        do r.Advance(); while (r.Time < start);
        do t.Advance(); while (t.NextTime < start);

        if (r.Time - t.Time < Math.Abs(r.Time - t.NextTime) && r.Time - t.Time <= window)
        {
            // A test beat from the learning period is the best match of the first scored reference beat.
            Count(matrix, r.Label, t.Label);
            r.Advance();
            t.Advance();
        }
        else
        {
            t.Advance();
            // The first scored test beat, if close to the start and not the best match of the first reference
            // beat, belongs to a reference beat of the learning period: drop it uncounted.
            if (t.Time - start <= window && Math.Abs(r.Time - t.NextTime) < Math.Abs(r.Time - t.Time))
                t.Advance();
        }

        while (r.Time <= end || t.Time <= end)
        {
            if (t.Time < r.Time)
            {
                if (Pairs(t.Time, t.NextTime, r.Time, r.NextTime, window))
                {
                    Count(matrix, r.Label, t.Label);
                    r.Advance();
                    t.Advance();
                }
                else
                {
                    Count(matrix, UnmatchedTestRow(referenceTrack, t.Time), t.Label);
                    t.Advance();
                }
            }
            else
            {
                if (Pairs(r.Time, r.NextTime, t.Time, t.NextTime, window))
                {
                    Count(matrix, r.Label, t.Label);
                    t.Advance();
                    r.Advance();
                }
                else
                {
                    Count(matrix, r.Label, UnmatchedReferenceColumn(testTrack, r.Time));
                    r.Advance();
                }
            }
        }

        // Without an end time the comparison ends with the last annotation of either list.
        long lastSample = reference.Concat(test).Select(a => a.Sample).DefaultIfEmpty(0).Max();
        double shutdownSeconds = ShutdownSamples(testTrack, start, Math.Min(end, lastSample)) / samplingFrequency;
        return new RecordComparison(recordName, matrix, shutdownSeconds);
    }

    /// <summary>Seconds to samples the way WFDB strtim() rounds: (long)(seconds * fs + 0.5).</summary>
    /// <summary>
    /// bxb's pairing rule for the earlier beat <paramref name="early"/> and the later beat <paramref name="late"/> of
    /// the other annotator: within the window, and closer than the early side's next beat is to the late one, unless
    /// that next beat is closer still to the late side's own next beat (fast rhythms).
    /// </summary>
    private static bool Pairs(long early, long earlyNext, long late, long lateNext, long window)
    {
        long gap = late - early;
        return gap <= window
            && (gap < Math.Abs(late - earlyNext) || Math.Abs(lateNext - earlyNext) < Math.Abs(late - earlyNext));
    }

    internal static long ToSamples(double seconds, double samplingFrequency) =>
        (long)(seconds * samplingFrequency + 0.5);

    /// <summary>Row for a test beat without reference beat; null (not counted) inside reference VF.</summary>
    private static Ec57Class? UnmatchedTestRow(AnnotatorTrack reference, long sample)
    {
        if (SampleInterval.AnyContains(reference.VfEpisodes, sample))
            return null;
        return SampleInterval.AnyContains(reference.Shutdowns, sample) ? Ec57Class.X : Ec57Class.O;
    }

    /// <summary>Column for a reference beat without test beat: x during test shutdown, else o.</summary>
    private static Ec57Class UnmatchedReferenceColumn(AnnotatorTrack test, long sample) =>
        SampleInterval.AnyContains(test.Shutdowns, sample) ? Ec57Class.X : Ec57Class.O;

    /// <summary>Placeholders (null labels) at the start and end of the lists are never counted.</summary>
    private static void Count(ConfusionMatrix matrix, Ec57Class? reference, Ec57Class? test)
    {
        if (reference is { } row && test is { } column)
            matrix.Add(row, column);
    }

    /// <summary>
    /// Test shutdown time inside the scored period [start, end]. (bxb also counts shutdowns in the
    /// learning period; EC57 reports shutdown for the test period, so we clip.)
    /// </summary>
    private static long ShutdownSamples(AnnotatorTrack test, long start, long end)
    {
        long total = 0;
        foreach (var shutdown in test.Shutdowns)
            total += Math.Max(0, Math.Min(shutdown.End, end) - Math.Max(shutdown.Start, start));
        return total;
    }
}
