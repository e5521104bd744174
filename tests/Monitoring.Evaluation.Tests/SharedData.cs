namespace Monitoring.Evaluation.Tests;

/// <summary>
/// Locates the PhysioNet data in the `shared/ecg` folder next to the repository root (the directory holding
/// Monitoring.sln), so the tests work from any build output folder.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string> EcgRoot = new(FindEcgRoot);

    /// <summary>The `shared/ecg/mitdb` folder.</summary>
    public static string Mitdb => Path.Combine(EcgRoot.Value, "mitdb");

    /// <summary>The record names listed in mitdb/RECORDS.</summary>
    public static IReadOnlyList<string> MitdbRecords() =>
        File.ReadAllLines(Path.Combine(Mitdb, "RECORDS")).Select(line => line.Trim()).Where(line => line.Length > 0).ToList();

    private static string FindEcgRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Monitoring.sln")))
            directory = directory.Parent;
        if (directory is null)
            throw new InvalidOperationException($"No directory containing Monitoring.sln above {AppContext.BaseDirectory}.");

        string ecg = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "ecg"));
        return Directory.Exists(ecg) ? ecg : throw new InvalidOperationException($"Shared ECG data not found at {ecg}.");
    }
}
