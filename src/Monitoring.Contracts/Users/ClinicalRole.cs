namespace Monitoring.Contracts.Users;

/// <summary>What a signed-in user may do. Clinical roles work for one monitoring centre; network operators for the whole network.</summary>
public enum ClinicalRole
{
    /// <summary>Watches patients, acknowledges medium and low priority alarms, pauses alarm audio, requests consults.</summary>
    Nurse,

    /// <summary>As a nurse, plus resets high-priority alarms remotely, changes alarm limits, accepts and answers consults.</summary>
    Physician,

    /// <summary>As a physician for the centre, plus reads the centre's audit log.</summary>
    CentreAdministrator,

    /// <summary>Edits the network, devices and users; sees no patient data unless also given a clinical role elsewhere.</summary>
    NetworkOperator,
}
