namespace Monitoring.Evaluation;

/// <summary>
/// bxb's view of one annotator during the comparison: the current beat (T/A or t/a) and the next one
/// (T'/A' or t'/a'). Both start as a label-less placeholder at sample 0, and after the last beat the
/// times become <see cref="SampleInterval.Unbounded"/>; placeholder labels are null and never counted.
/// </summary>
internal sealed class BeatCursor(IReadOnlyList<ClassifiedBeat> beats)
{
    private int _nextIndex;

    public long Time { get; private set; }
    public Ec57Class? Label { get; private set; }
    public long NextTime { get; private set; }
    public Ec57Class? NextLabel { get; private set; }

    public void Advance()
    {
        Time = NextTime;
        Label = NextLabel;
        if (_nextIndex < beats.Count)
        {
            NextTime = beats[_nextIndex].Sample;
            NextLabel = beats[_nextIndex].Class;
            _nextIndex++;
        }
        else
        {
            NextTime = SampleInterval.Unbounded;
            NextLabel = null;
        }
    }
}
