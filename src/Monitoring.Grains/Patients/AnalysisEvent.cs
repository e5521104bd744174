using Monitoring.Grains.Alarms;

namespace Monitoring.Grains.Patients;

/// <summary>A condition change found by the analysis, placed on the device's clock.</summary>
public readonly record struct AnalysisEvent(string Condition, bool Onset, long AtUnixMs, AlarmEvidence Evidence);
