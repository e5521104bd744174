namespace Monitoring.Detection.Classification;

/// <summary>The ANSI/AAMI EC57 beat classes.</summary>
public enum BeatClass : byte
{
    /// <summary>N: normal and bundle-branch-block beats, escapes of supraventricular origin.</summary>
    Normal,

    /// <summary>S: supraventricular ectopic beat (premature atrial or junctional, aberrated atrial premature).</summary>
    Supraventricular,

    /// <summary>V: ventricular ectopic beat (PVC, ventricular escape).</summary>
    Ventricular,

    /// <summary>F: fusion of a ventricular and a normal beat.</summary>
    Fusion,

    /// <summary>Q: a beat that cannot be classified (a distorted complex in noise).</summary>
    Unclassifiable,

    /// <summary>Q: a paced beat, in a patient set as paced (see <see cref="PacedRule"/>).</summary>
    Paced,
}
