using System.CommandLine;
using Monitoring.Simulator;

var root = SimulateCommand.Create();
root.Subcommands.Add(StubServerCommand.Create());
return await root.Parse(args).InvokeAsync();
