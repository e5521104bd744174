using Microsoft.AspNetCore.SignalR;
using Monitoring.Server.Hubs;

namespace Monitoring.Server.Live;

/// <summary>This host's end of <see cref="IHubGroupObserver"/>: hands the message to the local connections of the group.</summary>
public sealed class HubGroupObserver(IHubContext<MonitoringHub> hub) : IHubGroupObserver
{
    public Task SendToGroupAsync(string group, string method, object? payload) => hub.Clients.Group(group).SendAsync(method, payload);
}
