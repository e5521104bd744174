using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Devices;

namespace Monitoring.Contracts.Centres;

/// <summary>A monitoring centre (central station): the patients it watches and the credential its consoles use.</summary>
public interface ICentreGrain : IGrainWithStringKey
{
    /// <summary>Registers the centre (or renames it) and issues a new console credential, revoking any earlier one.</summary>
    Task<IssuedCredential> RegisterAsync(string name);

    Task<bool> VerifyCredentialAsync(string secret);

    Task AddPatientAsync(string patientId);

    Task RemovePatientAsync(string patientId);

    Task<IReadOnlyList<string>> GetPatientsAsync();

    /// <summary>Active and latched alarms of every watched patient: what a console shows after (re)connecting.</summary>
    Task<IReadOnlyList<Alarm>> GetActiveAlarmsAsync();
}
