using Microsoft.AspNetCore.SignalR;
using Monitoring.Contracts.Consults;
using Monitoring.Contracts.Devices;
using Monitoring.Contracts.Patients;
using Monitoring.Grains.Audit;

namespace Monitoring.Server.Hubs;

/// <summary>The monitoring hub's consult calls: the centre's inbox, requests, and a consultant's accept, decline and answer.</summary>
public sealed partial class MonitoringHub
{
    /// <summary>Open consults in the centre's queue, oldest first.</summary>
    public Task<IReadOnlyList<ConsultView>> GetConsults() => Centre.GetConsultsAsync();

    /// <summary>
    /// Requests a consult about a patient of the user's jurisdiction: it goes to the centre above the user's own
    /// (STAT from an ambulance unit: straight to the nearest county or city centre).
    /// </summary>
    public async Task<ConsultView> RequestConsult(ConsultInput input)
    {
        PatientStatus status = await VisibleAsync(input.PatientId, AuditActions.ConsultAction, "request");
        bool fromAmbulance = status.DeviceId is { } deviceId
            && (await grains.GetGrain<IDeviceGrain>(deviceId).GetStatusAsync()).Kind == DeviceKind.Ambulance12Lead;
        string consultId = Guid.NewGuid().ToString("N");
        var request = new ConsultRequest
        {
            PatientId = input.PatientId,
            RequestedBy = User.UserId,
            RequestingCentreId = User.CentreId,
            Reason = input.Reason,
            Urgency = input.Urgency,
            Strip = new EcgStripReference { PatientId = input.PatientId, FromUnixMs = input.StripFromUnixMs, ToUnixMs = input.StripToUnixMs },
            FromAmbulance = fromAmbulance,
        };
        ConsultView consult = await ConsultCallAsync(() => grains.GetGrain<IConsultGrain>(consultId).RequestAsync(request));
        await audit.RecordAsync(Context.GetHttpContext(), User, AuditActions.ConsultAction, input.PatientId, $"request {consultId}");
        return consult;
    }

    /// <summary>A consultant (physician or centre administrator) of the consult's target centre takes it.</summary>
    public Task<ConsultView> AcceptConsult(string consultId) =>
        ConsultActionAsync(consultId, "accept", privileged: true, c => c.AcceptAsync(User.CentreId!, User.UserId));

    public Task<ConsultView> DeclineConsult(string consultId) =>
        ConsultActionAsync(consultId, "decline", privileged: true, c => c.DeclineAsync(User.CentreId!, User.UserId));

    public Task<ConsultView> AnswerConsult(string consultId, string report) =>
        ConsultActionAsync(consultId, "answer", privileged: true, c => c.AnswerAsync(User.CentreId!, User.UserId, report));

    public Task<ConsultView> CancelConsult(string consultId) =>
        ConsultActionAsync(consultId, "cancel", privileged: false, c => c.CancelAsync(User.UserId));

    /// <summary>Checks the consult's patient against the jurisdiction and the role, calls the consult, audits the action.</summary>
    private async Task<ConsultView> ConsultActionAsync(string consultId, string action, bool privileged, Func<IConsultGrain, Task<ConsultView>> call)
    {
        if (!Api.Ids.IsValid(consultId)) throw Refused($"'{consultId}' is not a consult id.");
        IConsultGrain grain = grains.GetGrain<IConsultGrain>(consultId);
        ConsultView existing = await grain.GetAsync() ?? throw Refused($"Consult {consultId} does not exist.");
        string patientId = existing.Request.PatientId;
        await VisibleAsync(patientId, AuditActions.ConsultAction, $"{action} {consultId}");
        if (privileged && !User.IsPrivileged)
            throw await RefusedAsync(AuditActions.ConsultAction, patientId, $"{action} {consultId}", "Consults are accepted, declined and answered by physicians.");
        ConsultView consult = await ConsultCallAsync(() => call(grain));
        await audit.RecordAsync(Context.GetHttpContext(), User, AuditActions.ConsultAction, patientId, $"{action} {consultId}");
        return consult;
    }

    /// <summary>The consult grain refuses what its rules forbid (wrong centre, wrong state): the console gets the reason.</summary>
    private static async Task<ConsultView> ConsultCallAsync(Func<Task<ConsultView>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            throw Refused(e.Message);
        }
    }
}
