using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Monitoring.Contracts.Devices;

namespace Monitoring.Server.Security;

/// <summary>How each token scheme's token is checked: devices against their grain's stored hash, operators against the configured key.</summary>
public static class CredentialVerifiers
{
    public const string RoleClaim = ClaimTypes.Role;

    public static Task<ClaimsIdentity?> Device(IServiceProvider services, string token) =>
        IdAndSecret(token, AuthSchemes.Device, (id, secret) => services.GetRequiredService<IGrainFactory>().GetGrain<IDeviceGrain>(id).VerifyCredentialAsync(secret));

    public static Func<IServiceProvider, string, Task<ClaimsIdentity?>> Operator(string operatorKey)
    {
        byte[] expected = Encoding.UTF8.GetBytes(operatorKey);
        return (_, token) => Task.FromResult(
            CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), expected)
                ? Identity("operator", AuthSchemes.Operator)
                : null);
    }

    /// <summary>Tokens of the form <c>id:secret</c>.</summary>
    private static async Task<ClaimsIdentity?> IdAndSecret(string token, string scheme, Func<string, string, Task<bool>> verify)
    {
        int colon = token.IndexOf(':');
        if (colon <= 0 || colon == token.Length - 1) return null;
        string id = token[..colon], secret = token[(colon + 1)..];
        return await verify(id, secret) ? Identity(id, scheme) : null;
    }

    private static ClaimsIdentity Identity(string id, string scheme) =>
        new([new Claim(ClaimTypes.NameIdentifier, id), new Claim(RoleClaim, scheme)], scheme);
}
