namespace Monitoring.Simulator;

// The operator API the simulator provisions through (bearer: the operator key). One file, so that it is easy to
// keep in line with the server. JSON is camelCase (System.Text.Json web defaults).
//
//   POST /api/users                          DefineUserRequest     -> 2xx
//   POST /api/auth/token                     SignInRequest         -> 200 SignInResponse (no bearer needed)
//   POST /api/devices                        RegisterDeviceRequest -> 201 DeviceCredential
//   POST /api/patients/{patientId}/admit     AdmitPatientRequest   -> 2xx
//   POST /api/patients/{patientId}/device    AttachDeviceRequest   -> 2xx

/// <param name="Role">A <see cref="Monitoring.Contracts.Users.ClinicalRole"/> name, e.g. "Physician".</param>
public sealed record DefineUserRequest(string UserId, string DisplayName, string Role, string? CentreId, string Password);

public sealed record SignInRequest(string UserId, string Password);

/// <param name="AccessToken">The user's JWT, the console's bearer token.</param>
public sealed record SignInResponse(string AccessToken);

/// <param name="Kind">A <see cref="Monitoring.Contracts.Devices.DeviceKind"/> name, e.g. "WearablePatch".</param>
public sealed record RegisterDeviceRequest(string DeviceId, string Kind);

/// <param name="Token">The device's bearer token, <c>deviceId:secret</c>.</param>
public sealed record DeviceCredential(string DeviceId, string Token);

public sealed record AdmitPatientRequest(string DisplayName, string FacilityId, string? CentreId);

public sealed record AttachDeviceRequest(string DeviceId);

public static class ProvisioningRoutes
{
    public const string Users = "/api/users";
    public const string SignIn = "/api/auth/token";
    public const string Devices = "/api/devices";

    public static string Admit(string patientId) => $"/api/patients/{Uri.EscapeDataString(patientId)}/admit";

    public static string AttachDevice(string patientId) => $"/api/patients/{Uri.EscapeDataString(patientId)}/device";
}
