using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;

namespace Monitoring.Server.Security;

/// <summary>
/// Keeps patient identifiers out of traces: Orleans tags spans with grain ids (<c>patient/{id}</c>) and ASP.NET
/// Core with request paths (<c>/api/patients/{id}/...</c>). Both are replaced by a placeholder before export.
/// </summary>
public sealed partial class PatientIdRedactor : BaseProcessor<Activity>
{
    public const string Placeholder = "{patient}";

    public override void OnEnd(Activity activity)
    {
        List<KeyValuePair<string, string?>>? redacted = null;
        foreach (var tag in activity.Tags)
        {
            if (tag.Value is { } value && Redact(value) is var clean && clean != value)
                (redacted ??= []).Add(new(tag.Key, clean));
        }
        if (redacted is null) return;
        foreach (var (key, value) in redacted) activity.SetTag(key, value);
    }

    /// <summary>The text with every patient id replaced by the placeholder.</summary>
    public static string Redact(string text) =>
        text.Contains("patient", StringComparison.Ordinal) ? PatientId().Replace(text, m => m.Groups["prefix"].Value + Placeholder) : text;

    [GeneratedRegex("(?<prefix>(?:^|/)patients?/)[A-Za-z0-9_.%-]+")]
    private static partial Regex PatientId();
}
