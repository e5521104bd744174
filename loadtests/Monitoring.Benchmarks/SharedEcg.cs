namespace Monitoring.Benchmarks;

/// <summary>
/// Locates the PhysioNet records: <c>MONITORING_SHARED_ECG</c> when set, otherwise <c>../shared/ecg</c> next to the
/// repository root (the directory holding Monitoring.sln), found by walking up from the running assembly. BenchmarkDotNet
/// runs each benchmark in a child process built under this project's bin folder, so the walk works there too.
/// </summary>
internal static class SharedEcg
{
    public const string EnvironmentVariable = "MONITORING_SHARED_ECG";

    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The path without extension of a record given as "database/name", e.g. "mitdb/208".</summary>
    public static string Record(string databaseAndName) => Path.Combine(Root.Value, databaseAndName);

    private static string FindRoot()
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
            directory = directory.Parent;
        if (directory is null)
            throw new InvalidOperationException(
                $"No directory containing Monitoring.sln above {AppContext.BaseDirectory}; set {EnvironmentVariable}.");

        string ecg = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "ecg"));
        return Directory.Exists(ecg)
            ? ecg
            : throw new InvalidOperationException($"Shared ECG data not found at {ecg}; set {EnvironmentVariable}.");
    }
}
