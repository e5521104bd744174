using Monitoring.Contracts.Consults;
using Monitoring.Contracts.Network;
using Monitoring.Grains.Consults;

namespace Monitoring.Grains.Tests;

public class ConsultRoutingTests
{
    private static readonly CentreChainLink Township = new("c-town", "f-town", FacilityTier.Township);
    private static readonly CentreChainLink County = new("c-county", "f-county", FacilityTier.County);
    private static readonly CentreChainLink City = new("c-city", "f-city", FacilityTier.City);
    private static readonly CentreChainLink Province = new("c-prov", "f-prov", FacilityTier.Province);
    private static readonly CentreChainLink[] VillageChain = [Township, County, City, Province];

    [Fact]
    public void ARequestFromNoCentreGoesToTheCentreResponsibleForThePatient() =>
        Assert.Equal(0, ConsultRouting.FirstTarget(VillageChain, Request()).Index);

    [Theory]
    [InlineData("c-town", 1)]
    [InlineData("c-county", 2)]
    [InlineData("c-city", 3)]
    [InlineData("c-prov", 3)] // nobody above the province: its own queue
    public void ARequestFromACentreGoesToTheCentreSupervisingIt(string requester, int target) =>
        Assert.Equal(target, ConsultRouting.FirstTarget(VillageChain, Request() with { RequestingCentreId = requester }).Index);

    [Fact]
    public void ARequestFromACentreOffThePatientsChainIsRefused() =>
        Assert.Throws<ArgumentException>(() => ConsultRouting.FirstTarget(VillageChain, Request() with { RequestingCentreId = "c-elsewhere" }));

    [Fact]
    public void StatFromAnAmbulanceGoesToTheNearestCountyOrCityCentre()
    {
        var stat = Request() with { Urgency = ConsultUrgency.Stat, FromAmbulance = true };
        Assert.Equal(1, ConsultRouting.FirstTarget(VillageChain, stat).Index);
        Assert.Equal(1, ConsultRouting.FirstTarget([Township, City, Province], stat).Index);
        Assert.Equal(1, ConsultRouting.FirstTarget([Township, Province], stat).Index); // neither: the province
    }

    [Theory]
    [InlineData(ConsultUrgency.Urgent, true)]  // only STAT skips the tiers
    [InlineData(ConsultUrgency.Stat, false)]   // and only from an ambulance
    public void OtherRequestsFollowTheChain(ConsultUrgency urgency, bool fromAmbulance) =>
        Assert.Equal(0, ConsultRouting.FirstTarget(VillageChain, Request() with { Urgency = urgency, FromAmbulance = fromAmbulance }).Index);

    [Fact]
    public void DefaultAcceptanceTimesAreThirtyTenAndTwoMinutes()
    {
        var policy = new ConsultPolicy();
        Assert.Equal(30 * 60_000, policy.AcceptDue(ConsultUrgency.Routine, 0));
        Assert.Equal(10 * 60_000, policy.AcceptDue(ConsultUrgency.Urgent, 0));
        Assert.Equal(2 * 60_000, policy.AcceptDue(ConsultUrgency.Stat, 0));
    }

    private static ConsultRequest Request() => new() { PatientId = "p-1", RequestedBy = "u-1", Reason = "ST?", Urgency = ConsultUrgency.Routine };
}
