using Monitoring.Wfdb;

namespace Monitoring.Evaluation;

/// <summary>
/// Reads rhythm episodes from an annotation list the way WFDB epicmp defines them (EC38/EC57):
/// an AF episode starts at a RHYTHM (<c>+</c>) annotation whose aux text is <c>(AFIB</c> and ends at the next RHYTHM
/// annotation with other text (or at the end of the record); a ventricular flutter/fibrillation episode runs from
/// VFON (<c>[</c>) to VFOFF (<c>]</c>), rhythm annotations being ignored for VF.
/// </summary>
public static class RhythmEpisodes
{
    public const string AtrialFibrillation = "(AFIB";
    public const string AtrialFlutter = "(AFL";
    public const string Normal = "(N";
    public const string VentricularTachycardia = "(VT";

    /// <summary>Episodes of the rhythm named <paramref name="rhythm"/> (e.g. <c>(AFIB</c>); unterminated ones end at <paramref name="recordEnd"/>.</summary>
    public static List<Episode> Rhythm(IReadOnlyList<WfdbAnnotation> annotations, string rhythm, long recordEnd)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        var episodes = new List<Episode>();
        long? start = null;
        foreach (var annotation in annotations.OrderBy(a => a.Sample))
        {
            if (annotation.Code != AnnotationCode.Rhythm) continue;
            bool isRhythm = RhythmText(annotation) == rhythm;
            if (isRhythm && start is null) start = annotation.Sample;
            else if (!isRhythm && start is { } begun)
            {
                episodes.Add(new Episode(begun, annotation.Sample));
                start = null;
            }
        }
        if (start is { } open) episodes.Add(new Episode(open, Math.Max(open, recordEnd)));
        return episodes;
    }

    /// <summary>VFON to VFOFF episodes; an unterminated one ends at <paramref name="recordEnd"/>.</summary>
    public static List<Episode> VentricularFibrillation(IReadOnlyList<WfdbAnnotation> annotations, long recordEnd)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        var episodes = new List<Episode>();
        long? start = null;
        foreach (var annotation in annotations.OrderBy(a => a.Sample))
        {
            if (annotation.Code == AnnotationCode.Vfon) start ??= annotation.Sample;
            else if (annotation.Code == AnnotationCode.Vfoff && start is { } begun)
            {
                episodes.Add(new Episode(begun, annotation.Sample));
                start = null;
            }
        }
        if (start is { } open) episodes.Add(new Episode(open, Math.Max(open, recordEnd)));
        return episodes;
    }

    /// <summary>The rhythm text of a RHYTHM annotation: its aux string without the NUL padding some files carry.</summary>
    public static string RhythmText(WfdbAnnotation annotation) => (annotation.Aux ?? "").TrimEnd('\0').Trim();
}
