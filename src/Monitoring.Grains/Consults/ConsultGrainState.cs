using Monitoring.Contracts.Consults;
using Monitoring.Contracts.Network;

namespace Monitoring.Grains.Consults;

[GenerateSerializer]
public sealed class ConsultGrainState
{
    /// <summary>The consult as clients see it; null until requested.</summary>
    [Id(0)] public ConsultView? Consult { get; set; }

    /// <summary>The patient's centres at the time of the request, nearest first: escalation goes up this chain.</summary>
    [Id(1)] public List<CentreChainLink> Chain { get; set; } = [];

    /// <summary>Index in <see cref="Chain"/> of the target centre.</summary>
    [Id(2)] public int TargetIndex { get; set; }

    /// <summary>Whether the reminder that wakes the grain for its acceptance deadline is registered.</summary>
    [Id(3)] public bool DeadlineReminder { get; set; }
}
