using Microsoft.AspNetCore.Authorization;

namespace Monitoring.Server.Security;

/// <summary>
/// Tells a signed-in user's JWT from the other bearer credentials by its form alone, so that on endpoints open to
/// both operators and users each scheme answers only for its own kind of token: the other scheme's token is "not
/// mine" (no result), not a wrong credential. Without this every operator call counted as a failed user sign-in and
/// every user call as a failed operator key, which buried real failures in the authentication-failure metric (and
/// logged a token-parsing error for each call).
/// </summary>
public static class BearerTokens
{
    /// <summary>
    /// The request's bearer token: from the <c>Authorization: Bearer</c> header, or on hub paths from the
    /// <c>access_token</c> query parameter (browsers and SignalR clients cannot set headers on WebSocket requests);
    /// null or empty without one.
    /// </summary>
    public static string? FromRequest(HttpRequest request)
    {
        string header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        return request.Path.StartsWithSegments("/hubs") ? request.Query["access_token"].ToString() : null;
    }

    /// <summary>Whether the request's endpoint lets <paramref name="scheme"/> authenticate its callers.</summary>
    public static bool EndpointAccepts(HttpContext context, string scheme)
    {
        if (context.GetEndpoint()?.Metadata is not { } metadata) return false;
        foreach (object item in metadata)
        {
            bool accepts = item switch
            {
                AuthorizationPolicy policy => policy.AuthenticationSchemes.Contains(scheme),
                IAuthorizeData authorize => authorize.AuthenticationSchemes?.Split(',').Any(s => s.Trim() == scheme) == true,
                _ => false,
            };
            if (accepts) return true;
        }
        return false;
    }

    /// <summary>
    /// A compact JWT: three (signed, JWS) or five (encrypted, JWE) non-empty parts separated by dots. Operator keys and
    /// device credentials (<c>deviceId:secret</c>) are not of this form.
    /// </summary>
    public static bool IsJwt(ReadOnlySpan<char> token)
    {
        int parts = 1, partLength = 0;
        foreach (char c in token)
        {
            if (c != '.')
            {
                partLength++;
                continue;
            }
            if (partLength == 0) return false;
            parts++;
            partLength = 0;
        }
        return partLength > 0 && parts is 3 or 5;
    }
}
