using System.CommandLine;

namespace Monitoring.Simulator;

public static class SimulateCommand
{
    public static RootCommand Create() => new("placeholder");
}
