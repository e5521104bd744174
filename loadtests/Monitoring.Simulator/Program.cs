using System.CommandLine;
using Monitoring.Simulator;

var root = SimulateCommand.Create();
root.Subcommands.Add(StubServerCommand.Create());
root.Subcommands.Add(ConsoleCommand.Create());
return await root.Parse(args).InvokeAsync();
