using MessagePack;

namespace Monitoring.Contracts.Consults;

/// <summary>A clinician's or an ambulance crew's request for a consult about one patient.</summary>
[MessagePackObject, GenerateSerializer, Immutable]
public sealed record ConsultRequest
{
    [Key("patientId"), Id(0)] public string PatientId { get; init; } = "";

    /// <summary>The requesting user (a user id).</summary>
    [Key("requestedBy"), Id(1)] public string RequestedBy { get; init; } = "";

    /// <summary>The centre the requester works for, on the patient's centre chain; null for a clinician without one (a village doctor, an ambulance crew).</summary>
    [Key("requestingCentreId"), Id(2)] public string? RequestingCentreId { get; init; }

    [Key("reason"), Id(3)] public string Reason { get; init; } = "";
    [Key("urgency"), Id(4)] public ConsultUrgency Urgency { get; init; }

    /// <summary>The ECG the consultant is asked to read.</summary>
    [Key("strip"), Id(5)] public EcgStripReference Strip { get; init; } = new();

    /// <summary>Sent by an ambulance crew: a STAT request then goes straight to the nearest county or city centre.</summary>
    [Key("fromAmbulance"), Id(6)] public bool FromAmbulance { get; init; }
}
