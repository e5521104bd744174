namespace Monitoring.Server.Security;

/// <summary>
/// Who may connect: devices present their own credential, operators the configured operator key, and clinicians
/// and operators who sign in present a JWT (from the development issuer, or the external OpenID Connect issuer).
/// </summary>
public static class AuthSchemes
{
    public const string Device = "Device";
    public const string Operator = "Operator";
    public const string User = "User";
}
