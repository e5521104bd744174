using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Consults;

namespace Monitoring.Contracts.Centres;

/// <summary>
/// A monitoring centre (central station) run by a facility: the patients it is responsible for (those of the
/// facilities below it that have no nearer centre), the alarms escalated to it from lower tiers and its open consults.
/// </summary>
public interface ICentreGrain : IGrainWithStringKey
{
    /// <summary>Defines the centre (or renames it) at a defined facility; a centre does not move to another facility.</summary>
    Task<CentreInfo> DefineAsync(string name, string facilityId);

    /// <summary>The centre, or null when it has not been defined.</summary>
    Task<CentreInfo?> GetAsync();

    Task AddPatientAsync(string patientId);

    Task RemovePatientAsync(string patientId);

    Task<IReadOnlyList<string>> GetPatientsAsync();

    /// <summary>An alarm of a patient outside the centre's own responsibility was escalated to it.</summary>
    Task AddEscalatedAlarmAsync(string alarmId, string patientId);

    /// <summary>The escalated alarm was acknowledged, resolved, or declined by this centre.</summary>
    Task RemoveEscalatedAlarmAsync(string alarmId);

    /// <summary>Active and latched alarms of the centre's patients and those escalated to it: what a console shows after (re)connecting.</summary>
    Task<IReadOnlyList<Alarm>> GetActiveAlarmsAsync();

    /// <summary>A consult was routed or escalated to this centre: it stays in the queue until answered, cancelled or moved on.</summary>
    Task AddConsultAsync(string consultId);

    Task RemoveConsultAsync(string consultId);

    /// <summary>The centre's open consults (waiting for acceptance or accepted), oldest request first.</summary>
    Task<IReadOnlyList<ConsultView>> GetConsultsAsync();
}
