using Monitoring.Contracts.Alarms;

namespace Monitoring.Grains.Alarms;

/// <summary>How a condition is announced: its central-station label, IEC 60601-1-8 priority, kind, and whether it latches.</summary>
public sealed record AlarmDefinition(string Condition, string Label, AlarmPriority Priority, AlarmKind Kind, bool Latched);
