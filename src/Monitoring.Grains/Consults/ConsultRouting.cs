using Monitoring.Contracts.Consults;
using Monitoring.Contracts.Network;

namespace Monitoring.Grains.Consults;

/// <summary>Where a consult goes first, on the patient's chain of centres (the responsible centre first, the province's last).</summary>
public static class ConsultRouting
{
    /// <summary>
    /// The index in <paramref name="chain"/> of the first target and why it was chosen:
    /// a STAT request from an ambulance goes to the nearest centre of a county or city (the province when the chain has
    /// neither); a request from a centre goes to the centre supervising it (the province keeps its own); a request
    /// from no centre (a village clinician, an ambulance crew) goes to the centre responsible for the patient.
    /// </summary>
    public static (int Index, string Why) FirstTarget(IReadOnlyList<CentreChainLink> chain, ConsultRequest request)
    {
        if (chain.Count == 0) throw new ArgumentException($"No monitoring centre watches patient {request.PatientId}.");
        if (request is { Urgency: ConsultUrgency.Stat, FromAmbulance: true })
        {
            // Tiers count down from the province: County or lower in value is a county, city or the province.
            for (int i = 0; i < chain.Count; i++)
            {
                if (chain[i].Tier <= FacilityTier.County) return (i, $"STAT from an ambulance: nearest {chain[i].Tier} centre.");
            }
            return (chain.Count - 1, "STAT from an ambulance: no county or city centre above the patient; the top centre.");
        }
        if (request.RequestingCentreId is not { } requester) return (0, "The centre responsible for the patient.");

        int index = IndexOf(chain, requester);
        if (index < 0) throw new ArgumentException($"Centre {requester} does not supervise patient {request.PatientId}.");
        if (index == chain.Count - 1) return (index, $"No centre above {requester}: its own queue.");
        return (index + 1, $"The centre supervising {requester}.");
    }

    private static int IndexOf(IReadOnlyList<CentreChainLink> chain, string centreId)
    {
        for (int i = 0; i < chain.Count; i++)
        {
            if (chain[i].CentreId == centreId) return i;
        }
        return -1;
    }
}
