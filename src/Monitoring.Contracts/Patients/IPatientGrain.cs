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
    /// stream just before them (0 when continuous). The receipt says whether the alarms found so far are stored.
    /// </summary>
    Task<IngestReceipt> IngestAsync(DeviceBatch batch, long arrivedUnixMs, long gapBeforeMs);

    /// <summary>The attached device's full-disclosure writes fail (<paramref name="recording"/> false) or work again.</summary>
    Task NoteRecordingAsync(bool recording);

    Task UpdateAlarmSettingsAsync(PatientAlarmSettings settings);

    /// <summary>A clinician acknowledged an alarm (a latched one is reset). Returns the alarm's new version, or null when there was nothing to acknowledge.</summary>
    Task<Alarm?> AcknowledgeAlarmAsync(string alarmId, string userId);

    /// <summary>Pauses the audio of the patient's alarms for the policy's time (default 2 min); returns the changed alarms.</summary>
    Task<IReadOnlyList<Alarm>> PauseAlarmAudioAsync(string userId);

    /// <summary>A console of the centre an alarm was escalated to reports delivery, viewing, acceptance or refusal.</summary>
    Task<Alarm?> ReportEscalationAsync(string alarmId, string centreId, EscalationReport report, string? userId);

    [AlwaysInterleave]
    Task<PatientStatus> GetStatusAsync();

    /// <summary>Alarms that are active or latched. Interleaves: a centre asks while the patient may be calling it.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<Alarm>> GetActiveAlarmsAsync();
}
