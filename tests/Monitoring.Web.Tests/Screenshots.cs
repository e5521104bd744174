using Microsoft.Playwright;

namespace Monitoring.Web.Tests;

/// <summary>Saves page screenshots as test artifacts under artifacts/screenshots of the repository (gitignored).</summary>
internal static class Screenshots
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Monitoring.sln"))) directory = directory.Parent;
        string folder = Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    });

    public static Task SaveAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder.Value, name + ".png"), FullPage = false });
}
