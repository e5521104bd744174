namespace Monitoring.Testing;

/// <summary>
/// Locates the PhysioNet data in the `shared/ecg` folder next to the repository root, so tests work from any build output folder.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> EcgRoot = new(FindEcgRoot);

    /// <summary>The `shared/ecg` folder.</summary>
    public static string Ecg => EcgRoot.Value;

    /// <summary>The record path without extension, e.g. Record("mitdb", "208").</summary>
    public static string Record(string database, string name) => Path.Combine(Ecg, database, name);

    /// <summary>The record names listed in a database's RECORDS file.</summary>
    public static IEnumerable<string> Records(string database) =>
        File.ReadAllLines(Path.Combine(Ecg, database, "RECORDS")).Select(line => line.Trim()).Where(line => line.Length > 0);

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
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Monitoring.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException($"No directory containing Monitoring.sln above {AppContext.BaseDirectory}.");
        }

        string ecg = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "ecg"));
        return Directory.Exists(ecg) ? ecg : throw new InvalidOperationException($"Shared ECG data not found at {ecg}.");
    }
}
