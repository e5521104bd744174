using Monitoring.Server.Hosting;

var app = ServerHost.Build(args);
await app.RunAsync();

/// <summary>Entry point; the host is assembled by <see cref="ServerHost"/>.</summary>
public partial class Program;
