using Microsoft.AspNetCore.SignalR;
using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Consults;
using Monitoring.Contracts.Live;
using Monitoring.Grains.Live;
using Monitoring.Server.Hubs;

namespace Monitoring.Server.Live;

/// <summary>Pushes from grains to the consoles connected to this host, through the monitoring hub's groups.</summary>
public sealed class SignalRMonitoringPublisher(IHubContext<MonitoringHub> hub) : IMonitoringPublisher
{
    public Task PublishAlarmAsync(Alarm alarm, IReadOnlyList<string> centreIds) =>
        centreIds.Count == 0 ? Task.CompletedTask : hub.Clients.Groups(CentreGroups(centreIds)).SendAsync(MonitoringHubMethods.Alarm, alarm);

    public Task PublishConsultAsync(ConsultView consult, IReadOnlyList<string> centreIds) =>
        centreIds.Count == 0 ? Task.CompletedTask : hub.Clients.Groups(CentreGroups(centreIds)).SendAsync(MonitoringHubMethods.Consult, consult);

    public Task PublishWaveformAsync(WaveformFrame frame) =>
        hub.Clients.Group(MonitoringGroups.Patient(frame.PatientId)).SendAsync(MonitoringHubMethods.Waveform, frame);

    public Task PublishVitalsAsync(string? centreId, VitalsUpdate vitals) =>
        centreId is null ? Task.CompletedTask : hub.Clients.Group(MonitoringGroups.Centre(centreId)).SendAsync(MonitoringHubMethods.Vitals, vitals);

    private static string[] CentreGroups(IReadOnlyList<string> centreIds)
    {
        var groups = new string[centreIds.Count];
        for (int i = 0; i < groups.Length; i++) groups[i] = MonitoringGroups.Centre(centreIds[i]);
        return groups;
    }
}
