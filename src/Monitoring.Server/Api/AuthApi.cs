using Monitoring.Contracts.Users;
using Monitoring.Server.Security;

namespace Monitoring.Server.Api;

/// <summary>Sign-in at the development token issuer: user id and password for a JWT. Absent when an external issuer is configured.</summary>
public static class AuthApi
{
    public static void MapAuthApi(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<DevTokenIssuer>() is null) return;
        app.MapPost("/api/auth/token", async (SignInRequest request, IGrainFactory grains, DevTokenIssuer issuer) =>
        {
            if (!Ids.IsValid(request.UserId) || string.IsNullOrEmpty(request.Password)) return Results.Unauthorized();
            UserDefinition? user = await grains.GetGrain<IUserGrain>(request.UserId).SignInAsync(request.Password);
            if (user is null)
            {
                Grains.Telemetry.MonitoringMetrics.CountAuthenticationFailure("SignIn");
                return Results.Unauthorized();
            }
            var (token, expires) = issuer.Issue(user);
            return Results.Ok(new SignInResponse(token, expires, user.Role, user.CentreId));
        }).AllowAnonymous();
    }
}
