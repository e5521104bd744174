using System.Globalization;
using System.Text;

namespace Monitoring.Storage;

/// <summary>PartitionKey and RowKey building blocks. Azure Tables forbids / \ # ? and control characters in keys.</summary>
internal static class TableKeys
{
    /// <summary>Separates the parts of composite keys; therefore also forbidden inside identifiers.</summary>
    public const char Separator = '|';

    private const int MaxIdLength = 200;

    private const string HourFormat = "yyyyMMddHH";

    /// <summary>Throws unless <paramref name="id"/> (a patient, centre or event id) can be used inside a key as is.</summary>
    public static string RequireId(string id, string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(id, parameterName);
        if (id.Length > MaxIdLength)
        {
            throw new ArgumentException($"'{id[..20]}...' is longer than {MaxIdLength} characters.", parameterName);
        }
        foreach (char c in id)
        {
            if (IsForbidden(c) || c == Separator)
            {
                throw new ArgumentException(
                    $"'{id}' contains '{c}' (U+{(int)c:X4}); identifiers may not contain / \\ # ? | or control characters.",
                    parameterName);
            }
        }
        return id;
    }

    /// <summary>
    /// A reversible, key-safe form of any string (used for Orleans grain ids, which contain '/'): every character that
    /// is not a letter, digit, '-', '_' or '.' becomes '~' and four hex digits.
    /// </summary>
    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        foreach (char c in value)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('~').Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }
        return builder.ToString();
    }

    /// <summary>UTC ticks as 19 digits, so that the ordinal order of keys is the order of times.</summary>
    public static string Ticks(DateTimeOffset time) => time.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTicks(ReadOnlySpan<char> key) =>
        new(long.Parse(key, NumberStyles.None, CultureInfo.InvariantCulture), TimeSpan.Zero);

    /// <summary>The start of the UTC hour <paramref name="time"/> falls in (hour partitions keep partitions bounded).</summary>
    public static DateTimeOffset HourOf(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero);

    /// <summary>An hour as it appears in partition keys: <c>yyyyMMddHH</c> (UTC).</summary>
    public static string Hour(DateTimeOffset hour) => hour.UtcDateTime.ToString(HourFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseHour(ReadOnlySpan<char> key) =>
        DateTimeOffset.ParseExact(key, HourFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>The UTC hours that overlap [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    public static List<DateTimeOffset> HoursOverlapping(DateTimeOffset from, DateTimeOffset to)
    {
        var hours = new List<DateTimeOffset>();
        for (DateTimeOffset hour = HourOf(from); hour < to; hour = hour.AddHours(1))
        {
            hours.Add(hour);
        }
        return hours;
    }

    private static bool IsForbidden(char c) => c is '/' or '\\' or '#' or '?' || char.IsControl(c);
}
