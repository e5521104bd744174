using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Monitoring.Server.Security;

public sealed class TokenAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>Checks a bearer token; returns the caller's identity, or null when the token is not valid.</summary>
    public Func<IServiceProvider, string, Task<ClaimsIdentity?>> Verify { get; set; } = (_, _) => Task.FromResult<ClaimsIdentity?>(null);

    /// <summary>
    /// Whether a bearer token is of this scheme's kind at all; one that is not (another scheme's, on an endpoint open to
    /// several) gets no result rather than a failure.
    /// </summary>
    public Func<string, bool> IsOwnKind { get; set; } = _ => true;
}
