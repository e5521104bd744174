namespace Monitoring.Detection.Rhythm;

/// <summary>Rhythm alarm conditions, named as bedside monitors name them.</summary>
public enum RhythmCondition
{
    /// <summary>Cardiac standstill: no QRS for the asystole delay (default 4 s).</summary>
    Asystole,

    /// <summary>No QRS for longer than the pause threshold (default 2.0 s); ends with the next beat.</summary>
    Pause,

    /// <summary>
    /// Missed beat: one beat of a regular rhythm did not come, the rhythm going on after it (see
    /// <see cref="MissedBeatDetector"/>); a gap longer than the pause threshold is a <see cref="Pause"/> instead.
    /// </summary>
    MissedBeat,

    /// <summary>Heart rate below the low limit.</summary>
    Bradycardia,

    /// <summary>Heart rate above the high limit.</summary>
    Tachycardia,

    /// <summary>Heart rate below the extreme low limit.</summary>
    ExtremeBradycardia,

    /// <summary>Heart rate above the extreme high limit.</summary>
    ExtremeTachycardia,

    /// <summary>Ventricular tachycardia: a run of at least the set number of PVCs (default 6) at or above the VT rate (default 130 bpm).</summary>
    VentricularTachycardia,

    /// <summary>Non-sustained VT: a run of 3 PVCs or more, shorter than the VT length, at or above the VT rate.</summary>
    NonSustainedVentricularTachycardia,

    /// <summary>Ventricular rhythm: a run of at least the VT length of PVCs below the VT rate (idioventricular rhythm).</summary>
    VentricularRhythm,

    /// <summary>Run of PVCs: 3 PVCs or more in a row, shorter than the VT length, below the VT rate.</summary>
    PvcRun,

    /// <summary>Couplet: exactly two consecutive PVCs.</summary>
    Couplet,

    /// <summary>Ventricular bigeminy: PVCs alternating with non-ventricular beats, at least three cycles.</summary>
    Bigeminy,

    /// <summary>Ventricular trigeminy: every third beat a PVC (two non-ventricular beats between), at least three cycles.</summary>
    Trigeminy,

    /// <summary>R-on-T: a PVC so early that it falls on the T wave of the beat before (coupling under a third of the normal RR).</summary>
    RonT,

    /// <summary>More PVCs in the last minute than the set limit (default 10).</summary>
    PvcsPerMinute,

    /// <summary>
    /// Atrial fibrillation: disorganised atrial activity without P waves, conducted at random, so that the ventricular
    /// rhythm is "irregularly irregular". Detected from RR intervals between non-ventricular beats that keep differing
    /// from one another (see <see cref="AtrialFibrillationDetector"/>); lasts until the rhythm is regular again.
    /// </summary>
    AtrialFibrillation,

    /// <summary>
    /// Irregular rhythm: RR intervals consistently irregular, with no repeating pattern (as bigeminy or trigeminy), but
    /// not atrial fibrillation — for instance frequent multifocal ectopy or marked sinus arrhythmia (Philips "Irregular
    /// HR", Mindray "Irr Rhythm").
    /// </summary>
    IrregularRhythm,

    /// <summary>
    /// Pacer not capture, in a patient set as paced whose device reports pacemaker pulses: a pulse that no QRS complex
    /// followed within 300 ms — the pacemaker fired and the ventricles did not respond (lead displacement, a rising
    /// threshold, battery depletion). See <see cref="Pacing.PacerCaptureMonitor"/>.
    /// </summary>
    PacerNotCapture,

    /// <summary>
    /// Ventricular fibrillation or ventricular flutter, judged from the waveform rather than from beats: chaotic (VF)
    /// or sinusoidal (flutter) ventricular activity without discernible QRS complexes, at roughly 150 to 500 per
    /// minute (flutter 150 to 300). See <see cref="Fibrillation.VentricularFibrillationDetector"/>.
    /// </summary>
    VentricularFibrillation,

    /// <summary>
    /// Technical condition, ECG artifact: the baseline steps or swings by more than 2.5 mV within 3 s (electrode
    /// pulled, amplifier saturated); the ECG is unreadable and standstill is not judged until it settles.
    /// </summary>
    SignalArtifact,

    /// <summary>
    /// Technical condition, flat line (leads off, no signal): the ECG does not move at all — under 0.015 mV from its
    /// lowest to its highest value for a whole second. A connected electrode always shows some baseline noise and
    /// activity, so this is most likely a detached lead, an open input or a device sending a constant; "check leads".
    /// Asystole is still judged: a device that filters or quantises coarsely can send a constant during real standstill.
    /// </summary>
    FlatLine,

    /// <summary>
    /// Technical condition, signal saturation (clipping): the ECG rests on its highest or lowest value for 100 ms or
    /// more within a second — the amplifier or converter at the end of its range, as after a defibrillation shock or
    /// with a large offset. No physiological waveform dwells that long on its extreme.
    /// </summary>
    SignalSaturation,

    /// <summary>
    /// Technical condition, high-frequency noise (muscle tremor, shivering, electrical interference): most of the
    /// ECG's slope lies above about 15 Hz, where the complexes hold little energy, with enough amplitude to hide them.
    /// Not declared while the waveform is organised ventricular activity (VT, VF, flutter).
    /// </summary>
    HighFrequencyNoise,

    /// <summary>
    /// Technical condition, strong baseline wander (electrode motion, patient movement): the baseline moves by more
    /// than 1 mV within 3 s, so that QRS detection and morphology cannot be trusted. Not declared while the waveform
    /// is organised ventricular activity (VT, VF, flutter). A step of 2.5 mV or more is <see cref="SignalArtifact"/>.
    /// </summary>
    BaselineWander,
}
