namespace Monitoring.Testing;

/// <summary>
/// Locates the PhysioNet records: <c>MONITORING_SHARED_ECG</c> when set, otherwise <c>../shared/ecg</c> next to the
/// repository root (the directory holding Monitoring.sln), found by walking up from the running assembly's folder.
/// </summary>
public static class SharedData
{
    public const string EnvironmentVariable = "MONITORING_SHARED_ECG";

    private static readonly Lazy<string> EcgRoot = new(FindEcgRoot);

    /// <summary>The <c>shared/ecg</c> folder.</summary>
    public static string Ecg => EcgRoot.Value;

    /// <summary>The <c>shared/ecg/mitdb</c> folder.</summary>
    public static string Mitdb => Path.Combine(Ecg, "mitdb");

    /// <summary>A record's path without extension, e.g. <c>Record("mitdb", "208")</c>.</summary>
    public static string Record(string database, string name) => Path.Combine(Ecg, database, name);

    /// <summary>The record names listed in a database's RECORDS file.</summary>
    public static IReadOnlyList<string> Records(string database) =>
        File.ReadAllLines(Path.Combine(Ecg, database, "RECORDS")).Select(line => line.Trim()).Where(line => line.Length > 0).ToList();

    /// <summary>The record names listed in mitdb/RECORDS.</summary>
    public static IReadOnlyList<string> MitdbRecords() => Records("mitdb");

    /// <summary>Every (database, record) pair of every database folder.</summary>
    public static IEnumerable<(string Database, string Record)> AllRecords() =>
        Directory.GetDirectories(Ecg)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(database => File.Exists(Path.Combine(Ecg, database, "RECORDS")))
            .Order(StringComparer.Ordinal)
            .SelectMany(database => Records(database).Select(record => (database, record)));

    private static string FindEcgRoot()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            string path = Path.GetFullPath(fromEnvironment);
            return Directory.Exists(path)
                ? path
                : throw new InvalidOperationException($"{EnvironmentVariable}={fromEnvironment}: no such directory.");
        }

        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Monitoring.sln")))
        {
            directory = directory.Parent;
        }
        if (directory is null)
        {
            throw new InvalidOperationException(
                $"No directory containing Monitoring.sln above {AppContext.BaseDirectory}; set {EnvironmentVariable}.");
        }

        string ecg = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "ecg"));
        return Directory.Exists(ecg)
            ? ecg
            : throw new InvalidOperationException($"Shared ECG data not found at {ecg}; set {EnvironmentVariable}.");
    }
}
