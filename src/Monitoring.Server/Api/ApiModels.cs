using Monitoring.Contracts.Devices;

namespace Monitoring.Server.Api;

// The operator API's request and response bodies (JSON, camelCase).

public sealed record RegisterDeviceRequest(string DeviceId, DeviceKind Kind = DeviceKind.WearablePatch);

public sealed record DeviceCredentialResponse(string DeviceId, string Token);

public sealed record RegisterCentreRequest(string CentreId, string Name);

public sealed record CentreCredentialResponse(string CentreId, string Token);

public sealed record AdmitRequest(string DisplayName, string FacilityId, string CentreId);

public sealed record AttachDeviceRequest(string DeviceId);

/// <summary>Stored waveform of a time range: segments in time order; the spaces between them are gaps.</summary>
public sealed record WaveformResponse(string PatientId, long FromUnixMs, long ToUnixMs, IReadOnlyList<WaveformSegmentResponse> Segments);

public sealed record WaveformSegmentResponse(string DeviceId, long StartUnixMs, int SamplingRateHz, double GainUnitsPerMv, string[] Leads, short[] Samples);
