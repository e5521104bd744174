using MessagePack;
using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Network;

namespace Monitoring.Contracts.Patients;

[MessagePackObject, GenerateSerializer, Immutable]
public sealed record PatientStatus
{
    [Key("patientId"), Id(0)] public string PatientId { get; init; } = "";
    [Key("admitted"), Id(1)] public bool Admitted { get; init; }
    [Key("admission"), Id(2)] public PatientAdmission? Admission { get; init; }
    [Key("deviceId"), Id(3)] public string? DeviceId { get; init; }
    [Key("heartRateBpm"), Id(4)] public double? HeartRateBpm { get; init; }

    /// <summary>The current rhythm label, for example "SINUS", "V-TACH", "ASYSTOLE", "NO SIGNAL".</summary>
    [Key("rhythmLabel"), Id(5)] public string RhythmLabel { get; init; } = "";
    [Key("settings"), Id(6)] public PatientAlarmSettings Settings { get; init; } = new();
    [Key("activeAlarms"), Id(7)] public IReadOnlyList<Alarm> ActiveAlarms { get; init; } = [];
    [Key("samplesAnalysed"), Id(8)] public long SamplesAnalysed { get; init; }

    /// <summary>Facilities from the province down to the patient's: every centre of these facilities sees the patient.</summary>
    [Key("facilityPath"), Id(9)] public IReadOnlyList<string> FacilityPath { get; init; } = [];

    /// <summary>The centres alarms go to and escalate through: the responsible centre first, the province's last.</summary>
    [Key("centreChain"), Id(10)] public IReadOnlyList<CentreChainLink> CentreChain { get; init; } = [];

    /// <summary>Until when the patient's alarm audio is paused, if it is.</summary>
    [Key("audioPausedUntilUnixMs"), Id(11)] public long? AudioPausedUntilUnixMs { get; init; }

    /// <summary>The cluster host (Orleans silo) running the patient's grain, for operators following a failover.</summary>
    [Key("host"), Id(12)] public string Host { get; init; } = "";
}
