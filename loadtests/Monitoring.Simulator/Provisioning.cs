using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Monitoring.Contracts.Devices;

namespace Monitoring.Simulator;

/// <summary>
/// Creates the demo set-up through the operator API: centre "demo-centre", then per simulated device a registered
/// device, an admitted patient and the device attached to that patient (sim-0001 to pat-0001, ...). Returns the
/// devices' tokens.
/// </summary>
public sealed class Provisioning(HttpClient http)
{
    public const string CentreId = "demo-centre";
    public const string FacilityId = "demo-facility";

    public static Provisioning Create(Uri server, string operatorKey)
    {
        var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", operatorKey);
        return new Provisioning(http);
    }

    /// <summary>Registers the centre (a new console token each time), the devices and their patients; returns the device tokens and the console token.</summary>
    public async Task<(IReadOnlyDictionary<string, string> DeviceTokens, string? CentreToken)> ProvisionAsync(IReadOnlyList<string> deviceIds, DeviceKind kind, CancellationToken cancel)
    {
        // A centre left from an earlier run is fine.
        using HttpResponseMessage centre = await PostAsync(ProvisioningRoutes.Centres, new CreateCentreRequest(CentreId, "Demo centre"), cancel, HttpStatusCode.Conflict);
        string? centreToken = centre.IsSuccessStatusCode ? (await centre.Content.ReadFromJsonAsync<CentreCredential>(cancel))?.Token : null;
        var tokens = new Dictionary<string, string>();
        for (int i = 0; i < deviceIds.Count; i++)
        {
            string deviceId = deviceIds[i];
            string patientId = $"pat-{i + 1:D4}";
            using HttpResponseMessage registered = await PostAsync(ProvisioningRoutes.Devices, new RegisterDeviceRequest(deviceId, kind.ToString()), cancel);
            DeviceCredential credential = await registered.Content.ReadFromJsonAsync<DeviceCredential>(cancel)
                ?? throw new InvalidOperationException($"No credential for {deviceId}.");
            tokens[deviceId] = credential.Token;
            (await PostAsync(ProvisioningRoutes.Admit(patientId), new AdmitPatientRequest($"Simulated patient {i + 1}", FacilityId, CentreId), cancel, HttpStatusCode.Conflict)).Dispose();
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
