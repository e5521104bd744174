namespace Monitoring.Grains.Centres;

[GenerateSerializer]
public sealed class CentreState
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public string? FacilityId { get; set; }
    [Id(2)] public HashSet<string> Patients { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Alarms escalated to this centre (alarm id to patient id), as an earlier version stored them; they now
    /// live in <see cref="IEscalatedAlarmIndex"/>, and the grain moves any found here there when it activates.</summary>
    [Id(3)] public Dictionary<string, string> EscalatedAlarms { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Open consults in the centre's queue.</summary>
    [Id(4)] public HashSet<string> Consults { get; set; } = new(StringComparer.Ordinal);
}
