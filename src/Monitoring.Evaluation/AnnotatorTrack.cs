using Monitoring.Wfdb;

namespace Monitoring.Evaluation;

/// <summary>One classified beat of an annotator.</summary>
internal readonly record struct ClassifiedBeat(long Sample, Ec57Class Class);

/// <summary>
/// One annotator's annotations as bxb's getref()/gettest() see them: the beats it scores, its
/// ventricular flutter/fibrillation episodes and its shutdown intervals. The same rules apply to the
/// reference and the test annotator; the comparer decides what each side's episodes mean.
/// </summary>
internal sealed class AnnotatorTrack
{
    private AnnotatorTrack(List<ClassifiedBeat> beats, List<SampleInterval> vfEpisodes, List<SampleInterval> shutdowns)
    {
        Beats = beats;
        VfEpisodes = vfEpisodes;
        Shutdowns = shutdowns;
    }

    /// <summary>Beats in time order, without those inside the annotator's own VF episodes.</summary>
    public IReadOnlyList<ClassifiedBeat> Beats { get; }

    /// <summary>From <c>[</c> (VFON) to <c>]</c> (VFOFF), both inclusive; unterminated ones never end.</summary>
    public IReadOnlyList<SampleInterval> VfEpisodes { get; }

    /// <summary>Shutdown intervals, both ends inclusive (see <see cref="Ec57.ShutdownStart"/>).</summary>
    public IReadOnlyList<SampleInterval> Shutdowns { get; }

    public static AnnotatorTrack Read(IReadOnlyList<WfdbAnnotation> annotations, long matchWindow)
    {
        // Stable sort: WFDB files are in time order already; ties keep their file order.
        var sorted = annotations.OrderBy(a => a.Sample).ToList();
        var beats = new List<ClassifiedBeat>();
        var vfEpisodes = new List<SampleInterval>();
        var shutdowns = new List<SampleInterval>();
        long lastBeat = 0;     // bxb starts its "current beat" at time 0
        long lastVfOff = -1;

        for (int i = 0; i < sorted.Count; i++)
        {
            var annotation = sorted[i];
            if (AamiClassMap.FromCode(annotation.Code) is { } beatClass)
            {
                beats.Add(new ClassifiedBeat(annotation.Sample, beatClass));
                lastBeat = annotation.Sample;
            }
            else if (annotation.Code == AnnotationCode.Vfon)
            {
                // Everything up to the VFOFF is skipped, beats included: they are not scored for QRS.
                int off = i + 1;
                while (off < sorted.Count && sorted[off].Code != AnnotationCode.Vfoff)
                    off++;
                lastVfOff = off < sorted.Count ? sorted[off].Sample : SampleInterval.Unbounded;
                vfEpisodes.Add(new SampleInterval(annotation.Sample, lastVfOff));
                i = off;
            }
            else if (Ec57.IsShutdownStart(annotation))
            {
                if (i + 1 == sorted.Count)
                {
                    shutdowns.Add(new SampleInterval(annotation.Sample, SampleInterval.Unbounded));
                    break;
                }

                var next = sorted[i + 1];
                if (Ec57.IsShutdownEnd(next))
                {
                    shutdowns.Add(new SampleInterval(annotation.Sample, next.Sample));
                    i++;
                }
                else
                {
                    // AHA convention: a lone shutdown mark in the middle of the unreadable stretch. Like bxb,
                    // assume it runs from one window after the previous beat (or VF end) to one window before
                    // the next annotation, which is then read normally.
                    long start = Math.Max(lastBeat, lastVfOff) + matchWindow;
                    long end = next.Sample - matchWindow;
                    shutdowns.Add(new SampleInterval(Math.Min(start, end), end));
                }
            }
        }

        return new AnnotatorTrack(beats, vfEpisodes, shutdowns);
    }
}
