using Microsoft.AspNetCore.SignalR;
using Monitoring.Server.Hubs;

namespace Monitoring.Server.Live;

/// <summary>Groups for the hub-notifier transport: SignalR's own groups are all it needs (SignalR forgets closed connections itself).</summary>
public sealed class HubLiveGroups(IHubContext<MonitoringHub> hub) : ILiveGroups
{
    public Task JoinAsync(string connectionId, string group) => hub.Groups.AddToGroupAsync(connectionId, group);

    public Task LeaveAsync(string connectionId, string group) => hub.Groups.RemoveFromGroupAsync(connectionId, group);

    public Task ConnectionClosedAsync(string connectionId) => Task.CompletedTask;
}
