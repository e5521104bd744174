using Monitoring.Contracts.Patients;
using Monitoring.Grains.Alarms;

namespace Monitoring.Grains.Patients;

[GenerateSerializer]
public sealed class PatientState
{
    [Id(0)] public PatientAdmission? Admission { get; set; }
    [Id(1)] public string? DeviceId { get; set; }
    [Id(2)] public PatientAlarmSettings Settings { get; set; } = new();
    [Id(3)] public AlarmTrackerState Alarms { get; set; } = new();
}
