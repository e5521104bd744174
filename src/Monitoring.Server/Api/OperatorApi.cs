using Monitoring.Contracts.Centres;
using Monitoring.Contracts.Devices;
using Monitoring.Contracts.Network;
using Monitoring.Contracts.Patients;
using Monitoring.Contracts.Users;
using Monitoring.Server.Network;
using Monitoring.Server.Security;

namespace Monitoring.Server.Api;

/// <summary>
/// The operator API: edits the network (facilities, centres), registers devices (issuing their credentials) and
/// users, revokes credentials, admits and discharges patients and attaches devices to them. Bearer token: the
/// configured operator key, or a signed-in network operator's JWT.
/// </summary>
public static class OperatorApi
{
    public static void MapOperatorApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(policy => policy
            .AddAuthenticationSchemes(AuthSchemes.Operator, AuthSchemes.User)
            .RequireRole(AuthSchemes.Operator, nameof(ClinicalRole.NetworkOperator)));

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

        api.MapPost("/network/facilities", async (FacilityDefinition definition, IGrainFactory grains) =>
        {
            if (!Ids.IsValid(definition.FacilityId)) return Ids.Invalid("facility", definition.FacilityId);
            if (definition.ParentId is { } parent && !Ids.IsValid(parent)) return Ids.Invalid("facility", parent);
            return await Refusable(async () => Results.Ok(await grains.GetGrain<IFacilityGrain>(definition.FacilityId).DefineAsync(definition)));
        });
        api.MapGet("/network/facilities/{facilityId}", async (string facilityId, IGrainFactory grains) =>
            Ids.IsValid(facilityId) && await grains.GetGrain<IFacilityGrain>(facilityId).GetAsync() is { } info ? Results.Ok(info) : Results.NotFound());
        api.MapGet("/network/quality/{facilityId}", async (string facilityId, NetworkQuality quality) =>
            Ids.IsValid(facilityId) && await quality.ReportAsync(facilityId) is { } report ? Results.Ok(report) : Results.NotFound());
        api.MapPost("/network/centres", async (DefineCentreRequest request, IGrainFactory grains) =>
        {
            if (!Ids.IsValid(request.CentreId)) return Ids.Invalid("centre", request.CentreId);
            if (!Ids.IsValid(request.FacilityId) || await grains.GetGrain<IFacilityGrain>(request.FacilityId).GetAsync() is null)
                return Results.Problem($"Facility '{request.FacilityId}' is not defined.", statusCode: StatusCodes.Status400BadRequest);
            return await Refusable(async () => Results.Ok(await grains.GetGrain<ICentreGrain>(request.CentreId).DefineAsync(request.Name, request.FacilityId)));
        });
        api.MapPost("/users", async (DefineUserRequest request, IGrainFactory grains) =>
        {
            if (!Ids.IsValid(request.UserId)) return Ids.Invalid("user", request.UserId);
            return await Refusable(async () =>
            {
                await grains.GetGrain<IUserGrain>(request.UserId).DefineAsync(
                    new UserDefinition { UserId = request.UserId, DisplayName = request.DisplayName, Role = request.Role, CentreId = request.CentreId },
                    request.Password);
                return Results.NoContent();
            });
        });

        api.MapPost("/patients/{patientId}/admit", async (string patientId, AdmitRequest request, IGrainFactory grains) =>
        {
            if (!Ids.IsValid(patientId)) return Ids.Invalid("patient", patientId);
            if (!Ids.IsValid(request.FacilityId)) return Ids.Invalid("facility", request.FacilityId);
            if (request.CentreId is { } centre && !Ids.IsValid(centre)) return Ids.Invalid("centre", centre);
            return await Refusable(async () =>
            {
                await grains.GetGrain<IPatientGrain>(patientId).AdmitAsync(new PatientAdmission
                {
                    DisplayName = request.DisplayName,
                    FacilityId = request.FacilityId,
                    CentreId = request.CentreId ?? "",
                });
                return Results.NoContent();
            });
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

    /// <summary>Grains refuse invalid definitions with ArgumentException and conflicting ones with InvalidOperationException.</summary>
    private static async Task<IResult> Refusable(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (ArgumentException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (InvalidOperationException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }
}
