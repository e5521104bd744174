using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Monitoring.Contracts.Users;

namespace Monitoring.Server.Security;

/// <summary>
/// The development token issuer: signs JWTs (HMAC-SHA256) for users kept in user grains, for local use and tests.
/// Production trusts an external OpenID Connect issuer instead (<c>Monitoring:Auth:Authority</c>) and this issuer
/// is off. The key comes from configuration (<c>Monitoring:Auth:DevSigningKey</c>, base64, at least 32 bytes;
/// all hosts of a cluster need the same) or is made up at start, so it is never in the repository.
/// </summary>
public sealed class DevTokenIssuer(SymmetricSecurityKey key, TimeSpan lifetime, TimeProvider clock)
{
    public const string Issuer = "monitoring-dev";
    public const string Audience = "monitoring";

    public SymmetricSecurityKey Key => key;

    public (string Token, DateTimeOffset ExpiresAt) Issue(UserDefinition user)
    {
        DateTimeOffset now = clock.GetUtcNow(), expires = now + lifetime;
        var claims = new List<Claim>
        {
            new(UserClaims.Subject, user.UserId),
            new(UserClaims.Role, user.Role.ToString()),
            new(UserClaims.Name, user.DisplayName),
        };
        if (user.CentreId is not null) claims.Add(new Claim(UserClaims.Centre, user.CentreId));
        string token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }

    public static SymmetricSecurityKey KeyFrom(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64)) return new SymmetricSecurityKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        byte[] bytes = Convert.FromBase64String(base64);
        if (bytes.Length < 32) throw new InvalidOperationException("Monitoring:Auth:DevSigningKey must be at least 32 bytes (base64).");
        return new SymmetricSecurityKey(bytes);
    }
}
