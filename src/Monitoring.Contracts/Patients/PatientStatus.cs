using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Network;

namespace Monitoring.Contracts.Patients;

[GenerateSerializer, Immutable]
public sealed record PatientStatus
{
    [Id(0)] public string PatientId { get; init; } = "";
    [Id(1)] public bool Admitted { get; init; }
    [Id(2)] public PatientAdmission? Admission { get; init; }
    [Id(3)] public string? DeviceId { get; init; }
    [Id(4)] public double? HeartRateBpm { get; init; }

    /// <summary>The current rhythm label, for example "SINUS", "V-TACH", "ASYSTOLE", "NO SIGNAL".</summary>
    [Id(5)] public string RhythmLabel { get; init; } = "";
    [Id(6)] public PatientAlarmSettings Settings { get; init; } = new();
    [Id(7)] public IReadOnlyList<Alarm> ActiveAlarms { get; init; } = [];
    [Id(8)] public long SamplesAnalysed { get; init; }

    /// <summary>Facilities from the province down to the patient's: every centre of these facilities sees the patient.</summary>
    [Id(9)] public IReadOnlyList<string> FacilityPath { get; init; } = [];

    /// <summary>The centres alarms go to and escalate through: the responsible centre first, the province's last.</summary>
    [Id(10)] public IReadOnlyList<CentreChainLink> CentreChain { get; init; } = [];

    /// <summary>Until when the patient's alarm audio is paused, if it is.</summary>
    [Id(11)] public long? AudioPausedUntilUnixMs { get; init; }
}
