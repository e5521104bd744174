using Monitoring.Contracts.Network;

namespace Monitoring.Grains.Network;

[GenerateSerializer]
public sealed class FacilityState
{
    [Id(0)] public FacilityDefinition? Definition { get; set; }
    [Id(1)] public List<string> Path { get; set; } = [];
    [Id(2)] public List<string> Children { get; set; } = [];
    [Id(3)] public List<string> Centres { get; set; } = [];
    [Id(4)] public HashSet<string> Patients { get; set; } = new(StringComparer.Ordinal);
}
