using Orleans.Concurrency;
using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Devices;

namespace Monitoring.Contracts.Patients;

/// <summary>
/// One patient: runs the arrhythmia analysis on the attached device's stream, turns its conditions into alarms,
/// stores them and pushes them to the responsible monitoring centre.
/// </summary>
public interface IPatientGrain : IGrainWithStringKey
{
    Task AdmitAsync(PatientAdmission admission);

    /// <summary>Ends monitoring: detaches the device; history stays in storage.</summary>
    Task DischargeAsync();

    /// <summary>Attaches a device (replacing any earlier one: a patch changed keeps the patient's history).</summary>
    Task AttachDeviceAsync(string deviceId);

    Task DetachDeviceAsync();

    /// <summary>
    /// Samples from the attached device, in order, with the server time they arrived and the time missing from the
    /// stream just before them (0 when continuous).
    /// </summary>
    Task IngestAsync(DeviceBatch batch, long arrivedUnixMs, long gapBeforeMs);

    Task UpdateAlarmSettingsAsync(PatientAlarmSettings settings);

    [AlwaysInterleave]
    Task<PatientStatus> GetStatusAsync();

    /// <summary>Alarms that are active or latched. Interleaves: a centre asks while the patient may be calling it.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<Alarm>> GetActiveAlarmsAsync();
}
