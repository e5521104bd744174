namespace Monitoring.Detection.Classification;

public static class BeatClassExtensions
{
    /// <summary>
    /// A beat of the patient's own rhythm: normal (conducted) or, in a paced patient, paced. The intervals between two
    /// such beats are the rhythm's pace, against which prematurity, pauses and missed beats are judged.
    /// </summary>
    public static bool IsRhythmBeat(this BeatClass beatClass) => beatClass is BeatClass.Normal or BeatClass.Paced;
}
