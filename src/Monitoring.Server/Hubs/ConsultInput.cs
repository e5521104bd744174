using Monitoring.Contracts.Consults;

namespace Monitoring.Server.Hubs;

/// <summary>What a console sends to request a consult: the patient, why, how urgent, and the ECG strip to read (Unix ms).</summary>
public sealed record ConsultInput(string PatientId, string Reason, ConsultUrgency Urgency, long StripFromUnixMs, long StripToUnixMs);
