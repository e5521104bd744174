using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Centres;
using Monitoring.Contracts.Consults;
using Monitoring.Contracts.Network;
using Monitoring.Contracts.Patients;

namespace Monitoring.Grains.Centres;

/// <summary>A monitoring centre: the facility that runs it, the patients it is responsible for, the alarms escalated to it and its consult queue.</summary>
public sealed class CentreGrain(
    [PersistentState("centre", StorageNames.State)] IPersistentState<CentreState> state,
    IEscalatedAlarmIndex escalations) : Grain, ICentreGrain
{
    /// <summary>Alarms escalated to this centre (alarm id to patient id), as in <see cref="IEscalatedAlarmIndex"/>.</summary>
    private Dictionary<string, string> _escalated = null!;

    private CentreState State => state.State;

    private string CentreId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _escalated = await escalations.ListAsync(CentreId);
        if (State.EscalatedAlarms.Count == 0) return;
        // Stored by an earlier version in the grain state: moved to the index once.
        foreach ((string alarmId, string patientId) in State.EscalatedAlarms)
        {
            await escalations.AddAsync(CentreId, alarmId, patientId);
            _escalated[alarmId] = patientId;
        }
        State.EscalatedAlarms.Clear();
        await state.WriteStateAsync(cancellationToken);
    }

    public async Task<CentreInfo> DefineAsync(string name, string facilityId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (State.FacilityId is { } current && current != facilityId)
            throw new InvalidOperationException($"Centre {CentreId} is run by facility {current}; a centre does not move.");
        if (State.FacilityId is null)
            await GrainFactory.GetGrain<IFacilityGrain>(facilityId).AddCentreAsync(CentreId);
        if (State.Name != name || State.FacilityId is null)
        {
            State.Name = name;
            State.FacilityId = facilityId;
            await state.WriteStateAsync();
        }
        return new CentreInfo(CentreId, State.Name, facilityId);
    }

    public Task<CentreInfo?> GetAsync() =>
        Task.FromResult(State.FacilityId is null ? null : new CentreInfo(CentreId, State.Name, State.FacilityId));

    public async Task AddPatientAsync(string patientId)
    {
        if (State.Patients.Add(patientId)) await state.WriteStateAsync();
    }

    public async Task RemovePatientAsync(string patientId)
    {
        if (State.Patients.Remove(patientId)) await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> GetPatientsAsync() => Task.FromResult<IReadOnlyList<string>>([.. State.Patients.Order(StringComparer.Ordinal)]);

    public async Task AddEscalatedAlarmAsync(string alarmId, string patientId)
    {
        if (_escalated.TryGetValue(alarmId, out string? known) && known == patientId) return;
        await escalations.AddAsync(CentreId, alarmId, patientId);
        _escalated[alarmId] = patientId;
    }

    public async Task RemoveEscalatedAlarmAsync(string alarmId)
    {
        if (!_escalated.ContainsKey(alarmId)) return;
        await escalations.RemoveAsync(CentreId, alarmId);
        _escalated.Remove(alarmId);
    }

    public async Task<IReadOnlyList<Alarm>> GetActiveAlarmsAsync()
    {
        var patients = new HashSet<string>(State.Patients, StringComparer.Ordinal);
        patients.UnionWith(_escalated.Values);
        var perPatient = await Task.WhenAll(patients.Select(id => GrainFactory.GetGrain<IPatientGrain>(id).GetActiveAlarmsAsync()));
        return [.. perPatient.SelectMany(alarms => alarms)
            .Where(a => State.Patients.Contains(a.PatientId) || _escalated.ContainsKey(a.AlarmId))
            .OrderByDescending(a => a.Priority).ThenBy(a => a.OnsetUnixMs)];
    }

    public async Task AddConsultAsync(string consultId)
    {
        if (State.Consults.Add(consultId)) await state.WriteStateAsync();
    }

    public async Task RemoveConsultAsync(string consultId)
    {
        if (State.Consults.Remove(consultId)) await state.WriteStateAsync();
    }

    public async Task<IReadOnlyList<ConsultView>> GetConsultsAsync()
    {
        var consults = await Task.WhenAll(State.Consults.Select(id => GrainFactory.GetGrain<IConsultGrain>(id).GetAsync()));
        return [.. consults.OfType<ConsultView>().OrderBy(c => c.RequestedUnixMs).ThenBy(c => c.ConsultId, StringComparer.Ordinal)];
    }
}
