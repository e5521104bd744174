namespace Monitoring.Evaluation;

/// <summary>
/// The EC57 beat-by-beat confusion matrix: reference rows N, S, V, F, Q, O, X by test columns
/// n, s, v, f, q, o, x (bxb -S layout). The cells where both sides are O or X do not exist and stay zero.
/// The properties below say which cells each statistic counts, exactly as bxb's print_results() does.
/// </summary>
public sealed class ConfusionMatrix
{
    private static readonly Ec57Class[] BeatClasses = [Ec57Class.N, Ec57Class.S, Ec57Class.V, Ec57Class.F, Ec57Class.Q];
    private static readonly Ec57Class[] NoBeat = [Ec57Class.O, Ec57Class.X];
    private static readonly Ec57Class[] AllLabels = [.. BeatClasses, .. NoBeat];

    private readonly long[,] _counts = new long[AllLabels.Length, AllLabels.Length];

    /// <summary>Number of (reference, test) pairs counted in one cell.</summary>
    public long this[Ec57Class reference, Ec57Class test] => _counts[(int)reference, (int)test];

    /// <summary>Counts <paramref name="count"/> more pairs in one cell.</summary>
    /// <exception cref="ArgumentException">Both labels are O or X: such a pair never exists.</exception>
    public void Add(Ec57Class reference, Ec57Class test, long count = 1)
    {
        if (!IsBeat(reference) && !IsBeat(test))
            throw new ArgumentException($"Cell {reference}{test} does not exist: one side must be a beat.");
        _counts[(int)reference, (int)test] += count;
    }

    /// <summary>Cell-by-cell sum, used for gross (pooled) statistics.</summary>
    public static ConfusionMatrix Sum(IEnumerable<ConfusionMatrix> matrices)
    {
        var sum = new ConfusionMatrix();
        foreach (var matrix in matrices)
            foreach (var reference in AllLabels)
                foreach (var test in AllLabels)
                    sum._counts[(int)reference, (int)test] += matrix[reference, test];
        return sum;
    }

    /// <summary>Reference beats in the scored period: all N, S, V, F, Q rows (= QRS TP + FN).</summary>
    public long ReferenceBeats => Total(BeatClasses, AllLabels);

    /// <summary>
    /// QRS true positives: every reference beat matched by any test beat, whatever the classes
    /// (N, S, V, F, Q rows by n, s, v, f, q columns; Q-row and S-row beats count).
    /// </summary>
    public long QrsTruePositives => Total(BeatClasses, BeatClasses);

    /// <summary>
    /// QRS false negatives: reference beats without a test beat, o and x columns. As in bxb, beats missed
    /// during test shutdown (x) are misses; they are also reported apart in <see cref="ShutdownBeats"/>.
    /// </summary>
    public long QrsFalseNegatives => Total(BeatClasses, NoBeat);

    /// <summary>
    /// QRS false positives: test beats without a reference beat, O and X rows (X: test beats during a
    /// reference-marked shutdown). Test beats inside reference VF episodes are not counted at all.
    /// </summary>
    public long QrsFalsePositives => Total(NoBeat, BeatClasses);

    /// <summary>
    /// Reference beats missed while the test annotator was in shutdown: the whole x column
    /// (bxb's "beats missed in shutdown" line leaves out Sx; we count every class).
    /// </summary>
    public long ShutdownBeats => Total(BeatClasses, [Ec57Class.X]);

    /// <summary>VEB true positives: Vv.</summary>
    public long VebTruePositives => this[Ec57Class.V, Ec57Class.V];

    /// <summary>VEB false negatives: the rest of the V row (Vn, Vs, Vf, Vq, Vo, Vx).</summary>
    public long VebFalseNegatives => Total([Ec57Class.V], AllLabels) - VebTruePositives;

    /// <summary>
    /// VEB false positives: Nv, Sv, Ov, Xv. As in bxb, Fv and Qv are neither false nor true positives.
    /// </summary>
    public long VebFalsePositives =>
        this[Ec57Class.N, Ec57Class.V] + this[Ec57Class.S, Ec57Class.V] + this[Ec57Class.O, Ec57Class.V] + this[Ec57Class.X, Ec57Class.V];

    /// <summary>
    /// VEB true negatives (for the false positive rate): N, S, F, Q, O, X rows by n, s, f, q columns.
    /// </summary>
    public long VebTrueNegatives =>
        Total([Ec57Class.N, Ec57Class.S, Ec57Class.F, Ec57Class.Q, Ec57Class.O, Ec57Class.X],
              [Ec57Class.N, Ec57Class.S, Ec57Class.F, Ec57Class.Q]);

    /// <summary>SVEB true positives: Ss.</summary>
    public long SvebTruePositives => this[Ec57Class.S, Ec57Class.S];

    /// <summary>SVEB false negatives: the rest of the S row (Sn, Sv, Sf, Sq, So, Sx).</summary>
    public long SvebFalseNegatives => Total([Ec57Class.S], AllLabels) - SvebTruePositives;

    /// <summary>
    /// SVEB false positives: Ns, Vs, Fs, Os, Xs (bxb's per-record definition; Qs is not counted).
    /// sumstats -L leaves Fs out of its pooled SVEB +P; we use bxb's cells for every statistic.
    /// </summary>
    public long SvebFalsePositives =>
        this[Ec57Class.N, Ec57Class.S] + this[Ec57Class.V, Ec57Class.S] + this[Ec57Class.F, Ec57Class.S]
        + this[Ec57Class.O, Ec57Class.S] + this[Ec57Class.X, Ec57Class.S];

    private long Total(Ec57Class[] rows, Ec57Class[] columns)
    {
        long total = 0;
        foreach (var row in rows)
            foreach (var column in columns)
                total += _counts[(int)row, (int)column];
        return total;
    }

    private static bool IsBeat(Ec57Class label) => label is not (Ec57Class.O or Ec57Class.X);
}
