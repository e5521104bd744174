using System.CommandLine;
using Monitoring.Cli.Commands;

var root = new RootCommand("Remote ECG monitoring: analysis tools over WFDB records.")
{
    AnalyzeCommand.Create(),
    AnnotateCommand.Create(),
    EvaluateCommand.Create(),
    BenchCommand.Create(),
};
return root.Parse(args).Invoke();
