using Monitoring.Contracts.Centres;
using Monitoring.Contracts.Devices;
using Monitoring.Contracts.Patients;
using Monitoring.Server.Security;

namespace Monitoring.Server.Api;

/// <summary>
/// The operator API: registers devices and centres (issuing their credentials), revokes credentials, admits and
/// discharges patients and attaches devices to them. Bearer token: the configured operator key.
/// </summary>
public static class OperatorApi
{
    public static void MapOperatorApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(policy => policy.AddAuthenticationSchemes(AuthSchemes.Operator).RequireRole(AuthSchemes.Operator));

        api.MapPost("/devices", async (RegisterDeviceRequest request, IGrainFactory grains) =>
        {
            if (!Ids.IsValid(request.DeviceId)) return Ids.Invalid("device", request.DeviceId);
            var credential = await grains.GetGrain<IDeviceGrain>(request.DeviceId).RegisterAsync(request.Kind);
            return Results.Created($"/api/devices/{request.DeviceId}", new DeviceCredentialResponse(request.DeviceId, credential.Token));
        });
        api.MapGet("/devices/{deviceId}", async (string deviceId, IGrainFactory grains) =>
            Ids.IsValid(deviceId) ? Results.Ok(await grains.GetGrain<IDeviceGrain>(deviceId).GetStatusAsync()) : Ids.Invalid("device", deviceId));
        api.MapDelete("/devices/{deviceId}/credential", async (string deviceId, IGrainFactory grains) =>
        {
            if (!Ids.IsValid(deviceId)) return Ids.Invalid("device", deviceId);
            await grains.GetGrain<IDeviceGrain>(deviceId).RevokeCredentialAsync();
            return Results.NoContent();
        });

        api.MapPost("/centres", async (RegisterCentreRequest request, IGrainFactory grains) =>
        {
            if (!Ids.IsValid(request.CentreId)) return Ids.Invalid("centre", request.CentreId);
            var credential = await grains.GetGrain<ICentreGrain>(request.CentreId).RegisterAsync(request.Name);
            return Results.Created($"/api/centres/{request.CentreId}", new CentreCredentialResponse(request.CentreId, credential.Token));
        });

        api.MapPost("/patients/{patientId}/admit", async (string patientId, AdmitRequest request, IGrainFactory grains) =>
        {
            if (!Ids.IsValid(patientId)) return Ids.Invalid("patient", patientId);
            if (!Ids.IsValid(request.CentreId)) return Ids.Invalid("centre", request.CentreId);
            await grains.GetGrain<IPatientGrain>(patientId).AdmitAsync(new PatientAdmission
            {
                DisplayName = request.DisplayName,
                FacilityId = request.FacilityId,
                CentreId = request.CentreId,
            });
            return Results.NoContent();
        });
        api.MapPost("/patients/{patientId}/discharge", async (string patientId, IGrainFactory grains) =>
        {
            if (!Ids.IsValid(patientId)) return Ids.Invalid("patient", patientId);
            await grains.GetGrain<IPatientGrain>(patientId).DischargeAsync();
            return Results.NoContent();
        });
        api.MapPost("/patients/{patientId}/device", async (string patientId, AttachDeviceRequest request, IGrainFactory grains) =>
        {
            if (!Ids.IsValid(patientId)) return Ids.Invalid("patient", patientId);
            if (!Ids.IsValid(request.DeviceId)) return Ids.Invalid("device", request.DeviceId);
            var status = await grains.GetGrain<IPatientGrain>(patientId).GetStatusAsync();
            if (!status.Admitted) return Results.Problem($"Patient {patientId} is not admitted.", statusCode: StatusCodes.Status409Conflict);
            await grains.GetGrain<IPatientGrain>(patientId).AttachDeviceAsync(request.DeviceId);
            return Results.NoContent();
        });
        api.MapDelete("/patients/{patientId}/device", async (string patientId, IGrainFactory grains) =>
        {
            if (!Ids.IsValid(patientId)) return Ids.Invalid("patient", patientId);
            await grains.GetGrain<IPatientGrain>(patientId).DetachDeviceAsync();
            return Results.NoContent();
        });
    }
}
