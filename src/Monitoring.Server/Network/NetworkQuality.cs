using Monitoring.Contracts.Devices;
using Monitoring.Contracts.Network;
using Monitoring.Contracts.Patients;
using Monitoring.Grains.Network;

namespace Monitoring.Server.Network;

/// <summary>
/// Builds the network-quality report below a facility from the device grains of the patients registered in its
/// subtree: for the console's panel (within the user's jurisdiction) and per tier for network operators.
/// </summary>
public sealed class NetworkQuality(IGrainFactory grains)
{
    public async Task<NetworkQualityReport?> ReportAsync(string facilityId)
    {
        FacilityInfo? root = await grains.GetGrain<IFacilityGrain>(facilityId).GetAsync();
        if (root is null) return null;
        var links = new List<(DeviceLinkSummary Link, FacilityTier Tier, string Child)>();
        await CollectPatientsAsync(root, root.Definition.FacilityId, links);
        foreach (string childId in root.Children)
        {
            if (await grains.GetGrain<IFacilityGrain>(childId).GetAsync() is { } child) await CollectSubtreeAsync(child, childId, links);
        }

        var devices = links.Select(l => l.Link)
            .OrderBy(l => l.Warning is null).ThenByDescending(l => l.LatencyMs)
            .Take(NetworkQualityReport.MaxDevices).ToList();
        var children = new List<LinkSummary>();
        foreach (string childId in root.Children)
        {
            var name = (await grains.GetGrain<IFacilityGrain>(childId).GetAsync())?.Definition.Name ?? childId;
            children.Add(Summarise(childId, name, links.Where(l => l.Child == childId).Select(l => l.Link)));
        }
        var tiers = links.GroupBy(l => l.Tier).OrderBy(g => g.Key)
            .Select(g => Summarise(g.Key.ToString(), g.Key.ToString(), g.Select(l => l.Link))).ToList();
        return new NetworkQualityReport
        {
            FacilityId = root.Definition.FacilityId,
            Name = root.Definition.Name,
            Tier = root.Definition.Tier,
            Devices = devices,
            Children = children,
            Tiers = tiers,
        };
    }

    /// <summary>Adds the links of the facility's patients and of every facility below it, under the root's child <paramref name="child"/>.</summary>
    private async Task CollectSubtreeAsync(FacilityInfo facility, string child, List<(DeviceLinkSummary, FacilityTier, string)> links)
    {
        await CollectPatientsAsync(facility, child, links);
        foreach (string below in facility.Children)
        {
            if (await grains.GetGrain<IFacilityGrain>(below).GetAsync() is { } info) await CollectSubtreeAsync(info, child, links);
        }
    }

    private async Task CollectPatientsAsync(FacilityInfo facility, string child, List<(DeviceLinkSummary, FacilityTier, string)> links)
    {
        foreach (string patientId in await grains.GetGrain<IFacilityGrain>(facility.Definition.FacilityId).GetPatientsAsync())
        {
            PatientStatus patient = await grains.GetGrain<IPatientGrain>(patientId).GetStatusAsync();
            if (patient.DeviceId is null) continue;
            DeviceStatus device = await grains.GetGrain<IDeviceGrain>(patient.DeviceId).GetStatusAsync();
            links.Add((Summary(device, facility.Definition.FacilityId), facility.Definition.Tier, child));
        }
    }

    private static DeviceLinkSummary Summary(DeviceStatus device, string facilityId) => new()
    {
        DeviceId = device.DeviceId,
        PatientId = device.PatientId,
        FacilityId = facilityId,
        Connected = device.Connected,
        LatencyMs = Math.Round(device.MeanLatencyMs, 1),
        JitterMs = Math.Round(device.JitterMs, 1),
        LossPercent = Math.Round(device.LossPercent, 2),
        Reconnects = device.ReconnectsLastHour,
        BatchesPerSecond = Math.Round(device.BatchesPerSecond, 2),
        Warning = NetworkQualityRules.Warning(device),
    };

    private static LinkSummary Summarise(string id, string name, IEnumerable<DeviceLinkSummary> links)
    {
        var list = links.ToList();
        double[] latencies = [.. list.Select(l => l.LatencyMs).Order()];
        return new LinkSummary
        {
            Id = id,
            Name = name,
            Devices = list.Count,
            Connected = list.Count(l => l.Connected),
            Warnings = list.Count(l => l.Warning is not null),
            LatencyMsP95 = latencies.Length == 0 ? 0 : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(0.95 * latencies.Length) - 1)],
            LossPercent = list.Count == 0 ? 0 : Math.Round(list.Average(l => l.LossPercent), 2),
        };
    }
}
