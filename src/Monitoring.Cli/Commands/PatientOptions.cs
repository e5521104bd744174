using System.CommandLine;

namespace Monitoring.Cli.Commands;

/// <summary>
/// The patient settings a record's analysis takes on the command line: <c>--mains 50|60</c> notches the mains frequency
/// out of the record first (default none, as recorded); <c>--paced</c> analyses it as a paced patient's.
/// </summary>
public static class PatientOptions
{
    public static Option<bool> CreatePaced() => new("--paced")
    {
        Description = "The patient has a pacemaker: wide beats that are not premature are paced beats (written /), not PVCs",
    };

    public static Option<double> CreateMains() => new("--mains")
    {
        DefaultValueFactory = _ => 0,
        Description = "Mains frequency to notch out before analysis: 50 or 60 Hz (0: none, the record as it is)",
    };
}
