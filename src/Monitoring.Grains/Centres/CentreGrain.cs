using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Centres;
using Monitoring.Contracts.Devices;
using Monitoring.Contracts.Patients;
using Monitoring.Grains.Security;

namespace Monitoring.Grains.Centres;

/// <summary>A monitoring centre: which patients it watches, and the credential of its consoles.</summary>
public sealed class CentreGrain(
    [PersistentState("centre", StorageNames.State)] IPersistentState<CentreState> state) : Grain, ICentreGrain
{
    private CentreState State => state.State;

    public async Task<IssuedCredential> RegisterAsync(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var (secret, hash) = Credentials.Issue();
        State.Name = name;
        State.CredentialHash = hash;
        await state.WriteStateAsync();
        return new IssuedCredential(this.GetPrimaryKeyString(), secret);
    }

    public Task<bool> VerifyCredentialAsync(string secret) => Task.FromResult(Credentials.Matches(secret, State.CredentialHash));

    public async Task AddPatientAsync(string patientId)
    {
        if (State.Patients.Add(patientId)) await state.WriteStateAsync();
    }

    public async Task RemovePatientAsync(string patientId)
    {
        if (State.Patients.Remove(patientId)) await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> GetPatientsAsync() => Task.FromResult<IReadOnlyList<string>>([.. State.Patients.Order(StringComparer.Ordinal)]);

    public async Task<IReadOnlyList<Alarm>> GetActiveAlarmsAsync()
    {
        var perPatient = await Task.WhenAll(State.Patients.Select(id => GrainFactory.GetGrain<IPatientGrain>(id).GetActiveAlarmsAsync()));
        return [.. perPatient.SelectMany(alarms => alarms).OrderByDescending(a => a.Priority).ThenBy(a => a.OnsetUnixMs)];
    }
}
