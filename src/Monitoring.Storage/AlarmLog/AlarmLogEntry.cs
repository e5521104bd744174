namespace Monitoring.Storage.AlarmLog;

/// <summary>
/// One line of a patient's alarm and event log. Kept here until the message contracts get their own project.
/// </summary>
/// <param name="PatientId">The monitored patient (letters, digits and punctuation other than / \ # ? |).</param>
/// <param name="CentreId">The monitoring centre (central station) watching the patient.</param>
/// <param name="Time">When it happened (at the bedside, not when it was logged).</param>
/// <param name="EventId">Unique per patient and stable across retries (e.g. the alarm's sequence number and the
/// kind), so that logging the same event twice stores it once.</param>
/// <param name="Condition">The alarm condition as clinicians name it ("Asystole", "VFib", "Leads off") or the event
/// ("Admitted").</param>
/// <param name="Detail">Free text: the measured value, who acknowledged, the new limit.</param>
public sealed record AlarmLogEntry(
    string PatientId,
    string CentreId,
    DateTimeOffset Time,
    string EventId,
    AlarmLogEventKind Kind,
    string Condition,
    AlarmPriority Priority,
    string? Detail = null);
