using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Monitoring.Contracts.Devices;

namespace Monitoring.Simulator;

/// <summary>
/// Creates the demo set-up through the operator API, on the sample network the server loads by default: per
/// simulated device a registered device, a patient admitted at a village clinic and the device attached to that
/// patient (sim-0001 to pat-0001, ...); and a physician of the clinic's monitoring centre (the township desk), signed
/// in for the console. Returns the devices' tokens and the console's token.
/// </summary>
public sealed class Provisioning(HttpClient http)
{
    public const string CentreId = "centre-hetang";
    public const string FacilityId = "hetang-shangcun-village";
    public const string ConsoleUserId = "sim-console";

    public static Provisioning Create(Uri server, string operatorKey)
    {
        var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", operatorKey);
        return new Provisioning(http);
    }

    /// <summary>Registers the devices and their patients and (re)defines the console user; returns the device tokens and the console token.</summary>
    public async Task<(IReadOnlyDictionary<string, string> DeviceTokens, string? CentreToken)> ProvisionAsync(IReadOnlyList<string> deviceIds, DeviceKind kind, CancellationToken cancel)
    {
        string password = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18));
        (await PostAsync(ProvisioningRoutes.Users, new DefineUserRequest(ConsoleUserId, "Simulator console", "Physician", CentreId, password), cancel)).Dispose();
        using HttpResponseMessage signIn = await PostAsync(ProvisioningRoutes.SignIn, new SignInRequest(ConsoleUserId, password), cancel);
        string? centreToken = (await signIn.Content.ReadFromJsonAsync<SignInResponse>(cancel))?.AccessToken;
        var tokens = new Dictionary<string, string>();
        for (int i = 0; i < deviceIds.Count; i++)
        {
            string deviceId = deviceIds[i];
            string patientId = $"pat-{i + 1:D4}";
            using HttpResponseMessage registered = await PostAsync(ProvisioningRoutes.Devices, new RegisterDeviceRequest(deviceId, kind.ToString()), cancel);
            DeviceCredential credential = await registered.Content.ReadFromJsonAsync<DeviceCredential>(cancel)
                ?? throw new InvalidOperationException($"No credential for {deviceId}.");
            tokens[deviceId] = credential.Token;
            (await PostAsync(ProvisioningRoutes.Admit(patientId), new AdmitPatientRequest($"Simulated patient {i + 1}", FacilityId, null), cancel, HttpStatusCode.Conflict)).Dispose();
            (await PostAsync(ProvisioningRoutes.AttachDevice(patientId), new AttachDeviceRequest(deviceId), cancel)).Dispose();
        }
        return (tokens, centreToken);
    }

    private async Task<HttpResponseMessage> PostAsync<T>(string path, T body, CancellationToken cancel, HttpStatusCode? alsoFine = null)
    {
        HttpResponseMessage response = await http.PostAsJsonAsync(path, body, cancel);
        if (response.IsSuccessStatusCode || response.StatusCode == alsoFine) return response;
        string text = await response.Content.ReadAsStringAsync(cancel);
        response.Dispose();
        throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {response.ReasonPhrase} {text}");
    }
}
