namespace Monitoring.Wfdb;

/// <summary>
/// A WFDB file (header, signal or annotation file) is missing, malformed or uses a feature this reader does not support.
/// The message always starts with the file name (and the line for header files), e.g.
/// "208.hea line 2: gain 'abc' is not a number", so a failing test or log line points at the culprit.
/// </summary>
public sealed class WfdbFormatException : Exception
{
    /// <summary>Creates the exception; <paramref name="problem"/> is prefixed with the file name (and line, when given).</summary>
    public WfdbFormatException(string filePath, string problem, int? lineNumber = null, Exception? innerException = null)
        : base(Compose(filePath, problem, lineNumber), innerException)
    {
        FilePath = filePath;
        LineNumber = lineNumber;
    }

    /// <summary>The path of the offending file as it was given to the reader (or the stream's name for errors).</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line of a header file the problem was found on, when it is tied to one line.</summary>
    public int? LineNumber { get; }

    private static string Compose(string filePath, string problem, int? lineNumber)
    {
        string name = Path.GetFileName(filePath);
        if (name.Length == 0)
        {
            name = filePath;
        }

        return lineNumber is int line ? $"{name} line {line}: {problem}" : $"{name}: {problem}";
    }
}
