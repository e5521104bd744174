namespace Monitoring.Simulator;

// The operator API the simulator provisions through (bearer: the operator key). One file, so that it is easy to
// keep in line with the server. JSON is camelCase (System.Text.Json web defaults).
//
//   POST /api/centres                        CreateCentreRequest   -> 2xx CentreCredential
//   POST /api/devices                        RegisterDeviceRequest -> 201 DeviceCredential
//   POST /api/patients/{patientId}/admit     AdmitPatientRequest   -> 2xx
//   POST /api/patients/{patientId}/device    AttachDeviceRequest   -> 2xx

public sealed record CreateCentreRequest(string CentreId, string Name);

public sealed record CentreCredential(string CentreId, string Token);

/// <param name="Kind">A <see cref="Monitoring.Contracts.Devices.DeviceKind"/> name, e.g. "WearablePatch".</param>
public sealed record RegisterDeviceRequest(string DeviceId, string Kind);

/// <param name="Token">The device's bearer token, <c>deviceId:secret</c>.</param>
public sealed record DeviceCredential(string DeviceId, string Token);

public sealed record AdmitPatientRequest(string DisplayName, string FacilityId, string CentreId);

public sealed record AttachDeviceRequest(string DeviceId);

public static class ProvisioningRoutes
{
    public const string Centres = "/api/centres";
    public const string Devices = "/api/devices";

    public static string Admit(string patientId) => $"/api/patients/{Uri.EscapeDataString(patientId)}/admit";

    public static string AttachDevice(string patientId) => $"/api/patients/{Uri.EscapeDataString(patientId)}/device";
}
