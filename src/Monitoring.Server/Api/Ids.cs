using System.Text.RegularExpressions;

namespace Monitoring.Server.Api;

/// <summary>Device, patient and centre ids: 1 to 64 letters, digits, '-', '_' or '.', so they are safe in storage keys and URLs.</summary>
public static partial class Ids
{
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    public static IResult Invalid(string what, string? id) =>
        Results.Problem($"Invalid {what} id '{id}': use 1 to 64 letters, digits, '-', '_' or '.'.", statusCode: StatusCodes.Status400BadRequest);

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex Pattern();
}
