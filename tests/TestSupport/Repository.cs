namespace Monitoring.Testing;

/// <summary>The repository checkout the tests run from: the directory holding Monitoring.sln, above the test assembly.</summary>
public static class Repository
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Monitoring.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException($"No directory containing Monitoring.sln above {AppContext.BaseDirectory}.");
    }
}
