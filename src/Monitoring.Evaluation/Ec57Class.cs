namespace Monitoring.Evaluation;

/// <summary>
/// The labels of the EC57 confusion matrix, as bxb names them. Reference rows use the capital letters
/// (N, S, V, F, Q, O, X), test columns the small ones (n, s, v, f, q, o, x); both are indexed with this enum.
/// </summary>
public enum Ec57Class
{
    /// <summary>Normal and bundle-branch beats: N, L, R, e, j (and B).</summary>
    N,

    /// <summary>Supraventricular ectopic beats: A, a, J, S (and n).</summary>
    S,

    /// <summary>Ventricular ectopic beats: V, E (and r).</summary>
    V,

    /// <summary>Fusion of ventricular and normal beat: F.</summary>
    F,

    /// <summary>Paced, fusion of paced and normal, unclassifiable: /, f, Q (and ?).</summary>
    Q,

    /// <summary>No beat: as a row, a test beat with no reference beat; as a column, a missed reference beat.</summary>
    O,

    /// <summary>
    /// Shutdown: as a column, a reference beat missed while the test annotator declared shutdown;
    /// as a row, a test beat emitted while the reference annotator marked shutdown.
    /// </summary>
    X,
}
