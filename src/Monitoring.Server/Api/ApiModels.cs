using Monitoring.Contracts.Devices;
using Monitoring.Contracts.Users;

namespace Monitoring.Server.Api;

// The operator API's request and response bodies (JSON, camelCase).

public sealed record RegisterDeviceRequest(string DeviceId, DeviceKind Kind = DeviceKind.WearablePatch);

public sealed record DeviceCredentialResponse(string DeviceId, string Token);

public sealed record DefineCentreRequest(string CentreId, string Name, string FacilityId);

public sealed record DefineUserRequest(string UserId, string DisplayName, ClinicalRole Role, string? CentreId, string Password);

public sealed record SignInRequest(string UserId, string Password);

public sealed record SignInResponse(string AccessToken, DateTimeOffset ExpiresAt, ClinicalRole Role, string? CentreId);

/// <summary>Admission at a facility; the responsible centre defaults to the nearest one above it.</summary>
public sealed record AdmitRequest(string DisplayName, string FacilityId, string? CentreId = null);

public sealed record AttachDeviceRequest(string DeviceId);

/// <summary>Stored waveform of a time range: segments in time order; the spaces between them are gaps.</summary>
public sealed record WaveformResponse(string PatientId, long FromUnixMs, long ToUnixMs, IReadOnlyList<WaveformSegmentResponse> Segments);

/// <param name="PacePulses">Pacemaker pulses the device reported, as sample indices (per lead) within the segment.</param>
public sealed record WaveformSegmentResponse(string DeviceId, long StartUnixMs, int SamplingRateHz, double GainUnitsPerMv, string[] Leads, short[] Samples, int[] PacePulses);
