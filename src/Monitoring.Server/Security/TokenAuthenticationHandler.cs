using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Monitoring.Grains.Telemetry;

namespace Monitoring.Server.Security;

/// <summary>
/// Bearer-token authentication for one scheme (the token as <see cref="BearerTokens.FromRequest"/> finds it).
/// </summary>
public sealed class TokenAuthenticationHandler(IOptionsMonitor<TokenAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<TokenAuthenticationOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? token = BearerTokens.FromRequest(Request);
        if (string.IsNullOrEmpty(token) || !Options.IsOwnKind(token)) return AuthenticateResult.NoResult();
        var identity = await Options.Verify(Context.RequestServices, token);
        if (identity is null)
        {
            MonitoringMetrics.CountAuthenticationFailure(Scheme.Name);
            return AuthenticateResult.Fail("The credential is wrong, unknown or revoked.");
        }
        return AuthenticateResult.Success(new AuthenticationTicket(new System.Security.Claims.ClaimsPrincipal(identity), Scheme.Name));
    }
}
