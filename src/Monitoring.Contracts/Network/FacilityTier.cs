namespace Monitoring.Contracts.Network;

/// <summary>The five tiers of the remote-care network, from the top (provincial hospital) to the bottom (village clinic).</summary>
public enum FacilityTier
{
    Province,
    City,
    County,
    Township,
    Village,
}
