namespace Monitoring.Server.Live;

/// <summary>
/// Which monitoring-hub connections of this host belong to which group (a centre's consoles, the consoles watching a
/// patient). The hub goes through it rather than through SignalR's groups alone, so that the live transport can
/// follow the groups this host serves (see <see cref="LiveTransports"/>).
/// </summary>
public interface ILiveGroups
{
    Task JoinAsync(string connectionId, string group);

    Task LeaveAsync(string connectionId, string group);

    /// <summary>The connection closed: it leaves every group it was in.</summary>
    Task ConnectionClosedAsync(string connectionId);
}
