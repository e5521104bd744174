using Monitoring.Wfdb;

namespace Monitoring.Evaluation;

/// <summary>
/// Run-by-run comparison of ventricular ectopy, after EC57's run statistics (WFDB rxr): in each annotator's beat
/// labels, a run is two or more consecutive ventricular ectopic beats (EC57 class V), classed by length as a couplet
/// (2), a short run (3-5) or a long run (6 or more). A reference run is detected, and a test run is a true positive,
/// when a run of the same class of the other annotator overlaps it, allowing the beat match window at either end.
/// Runs count in the scored period when their first beat lies in it; beats inside ventricular flutter or fibrillation
/// episodes (<c>[</c> to <c>]</c>) break runs and are not counted, as EC57 leaves them out. This is our reading of
/// the published definition, not a reimplementation of rxr's matching (which also reports the test run length seen
/// in each reference run's window).
/// </summary>
public static class RunComparer
{
    public static RunComparison Compare(string recordName, IReadOnlyList<WfdbAnnotation> reference,
        IReadOnlyList<WfdbAnnotation> test, double samplingFrequency, Ec57Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        long from = Ec57Comparer.ToSamples(options.FromSeconds, samplingFrequency);
        long to = options.ToSeconds is { } end ? Ec57Comparer.ToSamples(end, samplingFrequency) : long.MaxValue;
        long window = Ec57Comparer.ToSamples(options.MatchWindowSeconds, samplingFrequency);
        var referenceRuns = Runs(reference, from, to);
        var testRuns = Runs(test, from, to);
        return new RunComparison(recordName,
            Count(referenceRuns, testRuns, window, length => length == 2),
            Count(referenceRuns, testRuns, window, length => length is >= 3 and <= 5),
            Count(referenceRuns, testRuns, window, length => length >= 6));
    }

    /// <summary>Runs of two or more consecutive class V beats whose first beat lies in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public static List<(long Start, long End, int Length)> Runs(IReadOnlyList<WfdbAnnotation> annotations, long from, long to)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        var runs = new List<(long, long, int)>();
        long start = 0, last = 0;
        int length = 0;
        bool fibrillation = false;
        void Close()
        {
            if (length >= 2 && start >= from && start <= to) runs.Add((start, last, length));
            length = 0;
        }
        foreach (var annotation in annotations.OrderBy(a => a.Sample))
        {
            if (annotation.Code is AnnotationCode.Vfon or AnnotationCode.Vfoff)
            {
                Close();
                fibrillation = annotation.Code == AnnotationCode.Vfon;
                continue;
            }
            if (fibrillation || AamiClassMap.FromCode(annotation.Code) is not { } beatClass) continue;
            if (beatClass != Ec57Class.V)
            {
                Close();
                continue;
            }
            if (length++ == 0) start = annotation.Sample;
            last = annotation.Sample;
        }
        Close();
        return runs;
    }

    private static RunCounts Count(List<(long Start, long End, int Length)> reference, List<(long Start, long End, int Length)> test,
        long window, Func<int, bool> inClass)
    {
        var references = reference.Where(r => inClass(r.Length)).ToList();
        var tests = test.Where(r => inClass(r.Length)).ToList();
        int detected = references.Count(r => tests.Any(t => Overlap(r, t, window)));
        int truePositive = tests.Count(t => references.Any(r => Overlap(r, t, window)));
        return new RunCounts(references.Count, detected, tests.Count, truePositive);
    }

    private static bool Overlap((long Start, long End, int) a, (long Start, long End, int) b, long window) =>
        a.Start <= b.End + window && b.Start <= a.End + window;
}
