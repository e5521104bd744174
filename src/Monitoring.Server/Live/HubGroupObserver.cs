using System.Collections.Immutable;
using Microsoft.AspNetCore.SignalR;
using Monitoring.Server.Hubs;

namespace Monitoring.Server.Live;

/// <summary>This host's end of <see cref="IHubGroupObserver"/>: hands messages to the local connections of their groups.</summary>
public sealed class HubGroupObserver(IHubContext<MonitoringHub> hub) : IHubGroupObserver
{
    public async Task SendToGroupsAsync(ImmutableArray<HubGroupMessage> messages)
    {
        foreach (HubGroupMessage message in messages) await SendAsync(message);
    }

    public Task SendAsync(HubGroupMessage message) => hub.Clients.Group(message.Group).SendAsync(message.Method, message.Payload);
}
