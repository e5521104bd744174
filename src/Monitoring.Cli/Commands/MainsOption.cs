using System.CommandLine;

namespace Monitoring.Cli.Commands;

/// <summary><c>--mains 50|60</c>: notch the mains frequency out of the record before analysis (default none, as recorded).</summary>
public static class MainsOption
{
    public static Option<double> Create() => new("--mains")
    {
        DefaultValueFactory = _ => 0,
        Description = "Mains frequency to notch out before analysis: 50 or 60 Hz (0: none, the record as it is)",
    };
}
