using System.Security.Claims;
using Monitoring.Contracts.Users;

namespace Monitoring.Server.Security;

/// <summary>
/// The claims a user's JWT carries, from the development issuer or the production OpenID Connect issuer (which
/// must be configured to emit them): <c>sub</c> (user id), <c>role</c> (a <see cref="ClinicalRole"/> name),
/// <c>centre</c> (the monitoring centre a clinician works for) and <c>name</c>.
/// </summary>
public static class UserClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Centre = "centre";
    public const string Name = "name";

    /// <summary>The signed-in user behind a request or hub connection, or null for devices and the operator key.</summary>
    public static SignedInUser? From(ClaimsPrincipal principal)
    {
        if (principal.FindFirst(Subject)?.Value is not { } userId) return null;
        if (!Enum.TryParse(principal.FindFirst(Role)?.Value, out ClinicalRole role)) return null;
        return new SignedInUser(userId, role, principal.FindFirst(Centre)?.Value);
    }
}

/// <summary>A signed-in user: id, role and (for clinicians) centre.</summary>
public sealed record SignedInUser(string UserId, ClinicalRole Role, string? CentreId)
{
    public bool IsClinician => Role != ClinicalRole.NetworkOperator && CentreId is not null;

    /// <summary>Physicians and centre administrators: may reset high-priority alarms remotely and change alarm limits.</summary>
    public bool IsPrivileged => Role is ClinicalRole.Physician or ClinicalRole.CentreAdministrator;
}
