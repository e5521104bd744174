using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Monitoring.Grains.Telemetry;
using Monitoring.Server.Hosting;

namespace Monitoring.Server.Security;

/// <summary>Bearer JWTs of signed-in users: from the external OpenID Connect issuer when configured, else from the development issuer.</summary>
public static class UserAuthentication
{
    public static AuthenticationBuilder AddUserTokens(this AuthenticationBuilder builder, AuthSettings settings)
    {
        bool external = !string.IsNullOrWhiteSpace(settings.Authority);
        if (!external)
        {
            builder.Services.AddSingleton(sp => new DevTokenIssuer(
                DevTokenIssuer.KeyFrom(settings.DevSigningKey), TimeSpan.FromHours(settings.TokenLifetimeHours), sp.GetRequiredService<TimeProvider>()));
        }
        builder.Services.AddOptions<JwtBearerOptions>(AuthSchemes.User).Configure<IServiceProvider>((o, sp) =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters.NameClaimType = UserClaims.Subject;
            o.TokenValidationParameters.RoleClaimType = UserClaims.Role;
            if (external)
            {
                o.Authority = settings.Authority;
                o.Audience = settings.Audience;
                return;
            }
            o.TokenValidationParameters.ValidIssuer = DevTokenIssuer.Issuer;
            o.TokenValidationParameters.ValidAudience = DevTokenIssuer.Audience;
            o.TokenValidationParameters.IssuerSigningKey = sp.GetRequiredService<DevTokenIssuer>().Key;
        });
        return builder.AddJwtBearer(AuthSchemes.User, o => o.Events = new JwtBearerEvents
        {
            // The token as BearerTokens.FromRequest finds it: the header, or the query on hub paths (WebSocket requests).
            OnMessageReceived = context =>
            {
                string? token = BearerTokens.FromRequest(context.Request);
                if (string.IsNullOrEmpty(token)) return Task.CompletedTask;
                context.Token = token;
                // Where operator keys are accepted too, a token that is no JWT is the operator scheme's to judge (see
                // BearerTokens); elsewhere it is a wrong credential, and fails here.
                if (!BearerTokens.IsJwt(token) && BearerTokens.EndpointAccepts(context.HttpContext, AuthSchemes.Operator)) context.NoResult();
                return Task.CompletedTask;
            },
            OnAuthenticationFailed = _ =>
            {
                MonitoringMetrics.CountAuthenticationFailure(AuthSchemes.User);
                return Task.CompletedTask;
            },
        });
    }
}
