namespace Monitoring.Detection.Rhythm;

/// <summary>Rate and pause alarm conditions, named as bedside monitors name them.</summary>
public enum RhythmCondition
{
    /// <summary>Cardiac standstill: no QRS for the asystole delay (default 4 s).</summary>
    Asystole,

    /// <summary>No QRS for longer than the pause threshold (default 2.0 s); ends with the next beat.</summary>
    Pause,

    /// <summary>Heart rate below the low limit.</summary>
    Bradycardia,

    /// <summary>Heart rate above the high limit.</summary>
    Tachycardia,

    /// <summary>Heart rate below the extreme low limit.</summary>
    ExtremeBradycardia,

    /// <summary>Heart rate above the extreme high limit.</summary>
    ExtremeTachycardia,
}
