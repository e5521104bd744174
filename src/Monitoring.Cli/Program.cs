using System.CommandLine;
using Monitoring.Cli.Commands;
using Monitoring.Wfdb;

var root = new RootCommand("Remote ECG monitoring: analysis tools over WFDB records.")
{
    AnalyzeCommand.Create(),
    AnnotateCommand.Create(),
    EvaluateCommand.Create(),
    BenchCommand.Create(),
    NoiseStressCommand.Create(),
};

// A missing or malformed record is the user's input, not a defect: one line naming the file and the problem, exit 2.
try
{
    return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is WfdbFormatException or IOException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
