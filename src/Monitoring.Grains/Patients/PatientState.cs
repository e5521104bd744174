using Monitoring.Contracts.Network;
using Monitoring.Contracts.Patients;
using Monitoring.Grains.Alarms;
using Monitoring.Grains.Persistence;

namespace Monitoring.Grains.Patients;

[GenerateSerializer]
public sealed class PatientState : IActivationStamped
{
    [Id(0)] public PatientAdmission? Admission { get; set; }
    [Id(1)] public string? DeviceId { get; set; }
    [Id(2)] public PatientAlarmSettings Settings { get; set; } = new();
    [Id(3)] public AlarmTrackerState Alarms { get; set; } = new();

    /// <summary>Facilities from the province down to the patient's, resolved at admission.</summary>
    [Id(4)] public List<string> FacilityPath { get; set; } = [];

    /// <summary>Centres from the responsible one up to the province, resolved at admission.</summary>
    [Id(5)] public List<CentreChainLink> CentreChain { get; set; } = [];

    /// <summary>Whether the reminder that wakes the grain for pending alarm deadlines is registered.</summary>
    [Id(6)] public bool DeadlineReminder { get; set; }

    [Id(7)] public Guid WrittenBy { get; set; }
}
