using System.Security.Cryptography;
using System.Text;

namespace Monitoring.Grains.Security;

/// <summary>Human-chosen passwords: PBKDF2-SHA256 with a random salt, compared in constant time.</summary>
public static class Passwords
{
    private const int Iterations = 100_000, SaltBytes = 16, HashBytes = 32;

    /// <summary>Shortest password the development issuer accepts.</summary>
    public const int MinLength = 12;

    public static (byte[] Salt, byte[] Hash) Hash(string password)
    {
        if (password is null || password.Length < MinLength) throw new ArgumentException($"A password has at least {MinLength} characters.", nameof(password));
        byte[] salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return (salt, Derive(password, salt));
    }

    public static bool Matches(string? password, byte[]? salt, byte[]? hash) =>
        !string.IsNullOrEmpty(password) && salt is { Length: > 0 } && hash is { Length: HashBytes }
        && CryptographicOperations.FixedTimeEquals(Derive(password, salt), hash);

    private static byte[] Derive(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
}
