namespace Monitoring.Contracts.Users;

/// <summary>
/// A user known to the development token issuer: role, centre and a password hash (PBKDF2). In production users
/// come from an external OpenID Connect issuer instead, with the same claims.
/// </summary>
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Defines or changes the user and sets a new password (the old one stops working).</summary>
    Task DefineAsync(UserDefinition definition, string password);

    /// <summary>The user when the password is right, else null.</summary>
    Task<UserDefinition?> SignInAsync(string password);
}
