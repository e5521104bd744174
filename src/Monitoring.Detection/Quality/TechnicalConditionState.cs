using Monitoring.Detection.Rhythm;

namespace Monitoring.Detection.Quality;

/// <summary>
/// One technical condition judged once a second: declared after <c>onsetSeconds</c> seconds in a row that show it,
/// ended after <c>offsetSeconds</c> seconds in a row that do not (so one odd second neither raises nor clears it).
/// </summary>
internal struct TechnicalConditionState(RhythmCondition condition, int onsetSeconds, int offsetSeconds)
{
    private int _run;

    public bool IsActive { get; private set; }

    /// <summary>Takes the judgement of the second that ended at <paramref name="endSample"/>; true when the condition started or ended.</summary>
    public bool Update<TSink>(bool present, long endSample, ref TSink sink) where TSink : IRhythmSink
    {
        // _run counts the seconds in a row that disagree with the current state.
        _run = present != IsActive ? _run + 1 : 0;
        if (_run < (IsActive ? offsetSeconds : onsetSeconds)) return false;
        IsActive = !IsActive;
        _run = 0;
        sink.OnRhythmEvent(new RhythmEvent(condition, IsActive, endSample, null, 0));
        return true;
    }

    /// <summary>Ends the condition at once, without waiting for clear seconds, if it is declared.</summary>
    public void End<TSink>(long endSample, ref TSink sink) where TSink : IRhythmSink
    {
        _run = 0;
        if (!IsActive) return;
        IsActive = false;
        sink.OnRhythmEvent(new RhythmEvent(condition, false, endSample, null, 0));
    }
}
