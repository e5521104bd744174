using System.Security.Cryptography;

namespace Monitoring.Grains.Security;

/// <summary>
/// Device and console secrets: 32 random bytes, shown once, stored as a SHA-256 hash. A plain hash is enough here
/// because the secrets are random and long (nothing to guess by dictionary); slow password hashes are for
/// human-chosen passwords.
/// </summary>
public static class Credentials
{
    public static (string Secret, byte[] Hash) Issue()
    {
        string secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (secret, Hash(secret));
    }

    public static bool Matches(string? secret, byte[]? hash) =>
        !string.IsNullOrEmpty(secret) && hash is { Length: > 0 } && CryptographicOperations.FixedTimeEquals(Hash(secret), hash);

    private static byte[] Hash(string secret) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));
}
