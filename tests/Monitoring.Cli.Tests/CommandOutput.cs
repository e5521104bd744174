namespace Monitoring.Cli.Tests;

/// <summary>Runs a command's <c>Run</c> method against a string writer and splits what it printed.</summary>
internal static class CommandOutput
{
    public static (int ExitCode, string[] Lines) Capture(Func<TextWriter, int> run)
    {
        using var writer = new StringWriter();
        int exitCode = run(writer);
        return (exitCode, Lines(writer.ToString()));
    }

    /// <summary>The lines of <paramref name="text"/>, without line terminators and without the empty string after the last one.</summary>
    public static string[] Lines(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return [.. lines];
    }

    /// <summary>The whitespace-separated fields of a line.</summary>
    public static string[] Fields(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
