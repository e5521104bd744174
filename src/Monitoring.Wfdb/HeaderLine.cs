using System.Globalization;

namespace Monitoring.Wfdb;

/// <summary>Splits one header line into fields and parses numbers with errors that name the file, line and field.</summary>
internal readonly struct HeaderLine(string headerPath, int lineNumber)
{
    public static List<(string Text, int Start)> Split(string text)
    {
        var fields = new List<(string Text, int Start)>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                fields.Add((text[start..i], start));
            }
        }

        return fields;
    }

    public WfdbFormatException Error(string problem) => new(headerPath, problem, lineNumber);

    /// <summary>Parses an integer; <paramref name="whole"/> is the complete field shown in the message when only a part is parsed.</summary>
    public int ParseInt(string text, string what, string? whole = null) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw Error($"{what} '{whole ?? text}' is not an integer");

    public long ParseLong(string text, string what, string? whole = null) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw Error($"{what} '{whole ?? text}' is not an integer");

    public double ParseDouble(string text, string what, string? whole = null) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value
            : throw Error($"{what} '{whole ?? text}' is not a number");
}
