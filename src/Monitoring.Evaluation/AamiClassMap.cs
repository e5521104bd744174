using Monitoring.Wfdb;

namespace Monitoring.Evaluation;

/// <summary>Maps WFDB beat codes to the AAMI (EC57) beat classes.</summary>
public static class AamiClassMap
{
    /// <summary>
    /// The EC57 class of a beat code, or null for codes that are not beats (<see cref="AnnotationCode.IsBeat"/>).
    /// </summary>
    /// <remarks>
    /// Follows the EC57 table: N = {N, L, R, e, j}, S = {A, a, J, S}, V = {V, E}, F = {F}, Q = {/, f, Q}.
    /// The remaining beat codes follow bxb's amap(): B (BBB) is N, n (SVESC) is S, r (R-on-T) is V,
    /// ? (LEARN) is Q. One deliberate difference from bxb: bxb puts e (atrial escape) and j (nodal escape)
    /// in S; EC57 and the literature put them in N, and so do we. Only SVEB statistics can differ.
    /// </remarks>
    public static Ec57Class? FromCode(int code) => code switch
    {
        AnnotationCode.Normal or AnnotationCode.Lbbb or AnnotationCode.Rbbb or AnnotationCode.Aesc
            or AnnotationCode.Nesc or AnnotationCode.Bbb => Ec57Class.N,
        AnnotationCode.Apc or AnnotationCode.Aberrant or AnnotationCode.Npc or AnnotationCode.Svpb
            or AnnotationCode.Svesc => Ec57Class.S,
        AnnotationCode.Pvc or AnnotationCode.Vesc or AnnotationCode.RonT => Ec57Class.V,
        AnnotationCode.Fusion => Ec57Class.F,
        AnnotationCode.Pace or AnnotationCode.Pfus or AnnotationCode.Unknown or AnnotationCode.Learn => Ec57Class.Q,
        _ => null,
    };
}
