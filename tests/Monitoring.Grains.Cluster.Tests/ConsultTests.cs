using Monitoring.Contracts.Centres;
using Monitoring.Contracts.Consults;

namespace Monitoring.Grains.Cluster.Tests;

/// <summary>Consults on a real silo: routing, escalation on the (fake) clock, acceptance, answers, queues and pushes.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ConsultTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Routine = TimeSpan.FromMinutes(30), Urgent = TimeSpan.FromMinutes(10), Stat = TimeSpan.FromMinutes(2);

    private IGrainFactory Grains => fixture.Grains;

    private long Now => fixture.Clock.GetUtcNow().ToUnixTimeMilliseconds();

    [Fact]
    public async Task UnacceptedVillageConsultEscalatesTownshipCountyCityOnScheduleAndStopsOnceAccepted()
    {
        var (network, patientId) = await VillagePatientAsync();
        long requested = Now;
        var consult = NewConsult();

        ConsultView view = await consult.RequestAsync(Request(patientId, ConsultUrgency.Routine));
        Assert.Equal(network.TownshipCentre, view.TargetCentreId);
        Assert.Equal(requested + (long)Routine.TotalMilliseconds, view.AcceptDueUnixMs);

        fixture.Clock.Advance(Routine - TimeSpan.FromSeconds(1));
        await Task.Delay(GrainWait.Settle);
        Assert.Equal(network.TownshipCentre, (await consult.GetAsync())!.TargetCentreId);

        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        view = await WaitForTargetAsync(consult, network.CountyCentre);
        Assert.Equal(requested + 2 * (long)Routine.TotalMilliseconds, view.AcceptDueUnixMs);

        fixture.Clock.Advance(Routine);
        await WaitForTargetAsync(consult, network.CityCentre);
        view = await consult.AcceptAsync(network.CityCentre, "dr-city");
        Assert.Equal(ConsultState.Accepted, view.State);
        Assert.Null(view.AcceptDueUnixMs);

        fixture.Clock.Advance(TimeSpan.FromHours(3));
        await Task.Delay(GrainWait.Settle);
        ConsultView after = (await consult.GetAsync())!;
        Assert.Equal(view, after with { History = view.History }); // nothing changed ...
        Assert.Equal(view.History, after.History);                // ... not even the history

        long escalatedToCounty = requested + (long)Routine.TotalMilliseconds, escalatedToCity = requested + 2 * (long)Routine.TotalMilliseconds;
        Assert.Equal(
            [
                (ConsultEventKind.Requested, (string?)null, requested),
                (ConsultEventKind.Routed, network.TownshipCentre, requested),
                (ConsultEventKind.Escalated, network.CountyCentre, escalatedToCounty),
                (ConsultEventKind.Escalated, network.CityCentre, escalatedToCity),
                (ConsultEventKind.Accepted, network.CityCentre, escalatedToCity),
            ],
            after.History.Select(e => (e.Kind, e.CentreId, e.AtUnixMs)));
        Assert.Equal("dr-city", after.History[^1].UserId);
        Assert.Equal($"Not accepted within 30 min at {network.TownshipCentre}.", after.History[2].Text);
        Assert.Equal(after.History.Count - 1, after.Version); // one version per change after the request

        Assert.DoesNotContain(await QueueAsync(network.TownshipCentre), c => c.ConsultId == view.ConsultId);
        Assert.DoesNotContain(await QueueAsync(network.CountyCentre), c => c.ConsultId == view.ConsultId);
        Assert.Contains(await QueueAsync(network.CityCentre), c => c.ConsultId == view.ConsultId && c.State == ConsultState.Accepted);

        var pushes = fixture.Publisher.Consults(view.ConsultId);
        Assert.Equal([1, 2, 3, 4], pushes.Select(p => p.Consult.Version));
        Assert.Equal([network.TownshipCentre, network.CountyCentre, network.CityCentre], pushes[^1].Centres);
    }

    [Fact]
    public async Task OnlyTheAcceptingCentreAnswersAndTheAnswerClosesTheConsult()
    {
        var (network, patientId) = await VillagePatientAsync();
        var consult = NewConsult();

        // The township centre, responsible for the patient, asks the centre supervising it.
        ConsultView view = await consult.RequestAsync(Request(patientId, ConsultUrgency.Urgent) with { RequestingCentreId = network.TownshipCentre });
        Assert.Equal(network.CountyCentre, view.TargetCentreId);
        await Assert.ThrowsAsync<InvalidOperationException>(() => consult.AcceptAsync(network.CityCentre, "dr-city"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => consult.AnswerAsync(network.CountyCentre, "dr-county", "Too early: not accepted."));

        await consult.AcceptAsync(network.CountyCentre, "dr-county");
        await Assert.ThrowsAsync<InvalidOperationException>(() => consult.AnswerAsync(network.TownshipCentre, "dr-town", "Not mine to answer."));
        await Assert.ThrowsAsync<InvalidOperationException>(() => consult.AcceptAsync(network.CountyCentre, "dr-county-2"));

        const string report = "Sinus rhythm with isolated PVCs; no acute ST change. Continue monitoring.";
        view = await consult.AnswerAsync(network.CountyCentre, "dr-county-2", report);
        Assert.Equal(ConsultState.Answered, view.State);
        Assert.Equal(report, view.Report);
        Assert.Equal((ConsultEventKind.Answered, "dr-county-2", report), (view.History[^1].Kind, view.History[^1].UserId, view.History[^1].Text));
        Assert.DoesNotContain(await QueueAsync(network.CountyCentre), c => c.ConsultId == view.ConsultId);
        await Assert.ThrowsAsync<InvalidOperationException>(() => consult.AnswerAsync(network.CountyCentre, "dr-county", "Again."));
        await Assert.ThrowsAsync<InvalidOperationException>(() => consult.CancelAsync("nurse-town"));

        // Pushed to the requesting centre as well as the target.
        Assert.Equal([network.TownshipCentre, network.CountyCentre], fixture.Publisher.Consults(view.ConsultId)[^1].Centres);
    }

    [Fact]
    public async Task DeclineEscalatesAtOnceWithAFreshAcceptanceTime()
    {
        var (network, patientId) = await VillagePatientAsync();
        var consult = NewConsult();
        await consult.RequestAsync(Request(patientId, ConsultUrgency.Urgent));
        fixture.Clock.Advance(TimeSpan.FromMinutes(4));

        ConsultView view = await consult.DeclineAsync(network.TownshipCentre, "dr-town");
        Assert.Equal(network.CountyCentre, view.TargetCentreId);
        Assert.Equal(Now + (long)Urgent.TotalMilliseconds, view.AcceptDueUnixMs);
        Assert.Equal([ConsultEventKind.Requested, ConsultEventKind.Routed, ConsultEventKind.Declined, ConsultEventKind.Escalated], view.History.Select(e => e.Kind));
        Assert.Equal((network.TownshipCentre, "dr-town"), (view.History[2].CentreId, view.History[2].UserId));
        Assert.DoesNotContain(await QueueAsync(network.TownshipCentre), c => c.ConsultId == view.ConsultId);
        Assert.Contains(await QueueAsync(network.CountyCentre), c => c.ConsultId == view.ConsultId);
        await Assert.ThrowsAsync<InvalidOperationException>(() => consult.DeclineAsync(network.TownshipCentre, "dr-town"));
    }

    [Fact]
    public async Task StatFromAnAmbulanceGoesStraightToTheNearestCountyCentre()
    {
        var (network, patientId) = await VillagePatientAsync();

        ConsultView view = await NewConsult().RequestAsync(Request(patientId, ConsultUrgency.Stat) with { FromAmbulance = true, RequestedBy = "crew-12" });

        Assert.Equal(network.CountyCentre, view.TargetCentreId);
        Assert.Equal(Now + (long)Stat.TotalMilliseconds, view.AcceptDueUnixMs);
        Assert.Contains(await QueueAsync(network.CountyCentre), c => c.ConsultId == view.ConsultId);
        Assert.DoesNotContain(await QueueAsync(network.TownshipCentre), c => c.ConsultId == view.ConsultId);
    }

    [Fact]
    public async Task StatFromAnAmbulanceGoesToTheCityCentreWhenTheCountyRunsNone()
    {
        var (network, patientId) = await VillagePatientAsync(countyHasCentre: false);

        ConsultView view = await NewConsult().RequestAsync(Request(patientId, ConsultUrgency.Stat) with { FromAmbulance = true });

        Assert.Equal(network.CityCentre, view.TargetCentreId);
    }

    [Fact]
    public async Task AnUnacceptedStatClimbsToTheProvinceWhereItStaysAndTheHistorySaysNobodyIsAbove()
    {
        var (network, patientId) = await VillagePatientAsync();
        var consult = NewConsult();
        await consult.RequestAsync(Request(patientId, ConsultUrgency.Stat) with { FromAmbulance = true });

        fixture.Clock.Advance(Stat);
        await WaitForTargetAsync(consult, network.CityCentre);
        fixture.Clock.Advance(Stat);
        await WaitForTargetAsync(consult, network.ProvinceCentre);
        fixture.Clock.Advance(Stat);
        ConsultView view = await GrainWait.UntilAsync(async () => (await consult.GetAsync())!, c => c.AcceptDueUnixMs is null, "the consult to stop escalating at the province");

        Assert.Equal(network.ProvinceCentre, view.TargetCentreId);
        Assert.Equal(ConsultState.Requested, view.State);
        Assert.Equal(
            [ConsultEventKind.Requested, ConsultEventKind.Routed, ConsultEventKind.Escalated, ConsultEventKind.Escalated, ConsultEventKind.NoHigherCentre],
            view.History.Select(e => e.Kind));
        Assert.Equal(network.ProvinceCentre, view.History[^1].CentreId);
        Assert.Contains(await QueueAsync(network.ProvinceCentre), c => c.ConsultId == view.ConsultId);

        fixture.Clock.Advance(TimeSpan.FromHours(1));
        await Task.Delay(GrainWait.Settle);
        Assert.Equal(view.History.Count, (await consult.GetAsync())!.History.Count);
        Assert.Equal(ConsultState.Accepted, (await consult.AcceptAsync(network.ProvinceCentre, "dr-province")).State);
    }

    [Fact]
    public async Task ADeadlineThatPassedWhileTheGrainWasInactiveEscalatesOnReactivation()
    {
        var (network, patientId) = await VillagePatientAsync();
        var consult = NewConsult();
        await consult.RequestAsync(Request(patientId, ConsultUrgency.Urgent));

        await fixture.Cluster.DeactivateAsync(consult);
        fixture.Clock.Advance(Urgent);
        ConsultView view = (await consult.GetAsync())!;

        Assert.Equal(network.CountyCentre, view.TargetCentreId);
        Assert.Equal(ConsultEventKind.Escalated, view.History[^1].Kind);
    }

    [Fact]
    public async Task CancelTakesTheConsultOutOfTheQueueAndEndsIt()
    {
        var (network, patientId) = await VillagePatientAsync();
        var consult = NewConsult();
        await consult.RequestAsync(Request(patientId, ConsultUrgency.Routine));

        ConsultView view = await consult.CancelAsync("dr-village");

        Assert.Equal(ConsultState.Cancelled, view.State);
        Assert.Null(view.AcceptDueUnixMs);
        Assert.Equal((ConsultEventKind.Cancelled, "dr-village"), (view.History[^1].Kind, view.History[^1].UserId));
        Assert.DoesNotContain(await QueueAsync(network.TownshipCentre), c => c.ConsultId == view.ConsultId);
        await Assert.ThrowsAsync<InvalidOperationException>(() => consult.AcceptAsync(network.TownshipCentre, "dr-town"));
        fixture.Clock.Advance(Routine);
        await Task.Delay(GrainWait.Settle);
        ConsultView after = (await consult.GetAsync())!;
        Assert.Equal((view.Version, ConsultState.Cancelled), (after.Version, after.State));
    }

    [Fact]
    public async Task ACentreQueueListsItsOpenConsultsOldestFirst()
    {
        var (network, patientId) = await VillagePatientAsync();
        var first = NewConsult();
        var second = NewConsult();
        await first.RequestAsync(Request(patientId, ConsultUrgency.Routine));
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await second.RequestAsync(Request(patientId, ConsultUrgency.Routine));

        var queue = await QueueAsync(network.TownshipCentre);

        Assert.Equal([first.GetPrimaryKeyString(), second.GetPrimaryKeyString()], queue.Select(c => c.ConsultId));
    }

    [Fact]
    public async Task RepeatingARequestReturnsTheConsultAndADifferentOneIsRefused()
    {
        var (network, patientId) = await VillagePatientAsync();
        var consult = NewConsult();
        ConsultRequest request = Request(patientId, ConsultUrgency.Routine);

        ConsultView view = await consult.RequestAsync(request);

        ConsultView repeated = await consult.RequestAsync(request);
        Assert.Equal((view.Version, view.RequestedUnixMs), (repeated.Version, repeated.RequestedUnixMs));
        Assert.Equal(view.History, repeated.History);
        await Assert.ThrowsAsync<InvalidOperationException>(() => consult.RequestAsync(request with { Urgency = ConsultUrgency.Stat }));
        await Assert.ThrowsAsync<ArgumentException>(() => NewConsult().RequestAsync(request with { RequestingCentreId = "elsewhere" }));
    }

    /// <summary>A new branch of the network and a patient admitted at its village clinic.</summary>
    private async Task<(CareNetwork Network, string PatientId)> VillagePatientAsync(bool countyHasCentre = true)
    {
        var network = await CareNetwork.CreateAsync(Grains, countyHasCentre);
        return (network, await network.AdmitVillagePatientAsync(Grains));
    }

    private IConsultGrain NewConsult() => Grains.GetGrain<IConsultGrain>(Guid.NewGuid().ToString());

    private Task<IReadOnlyList<ConsultView>> QueueAsync(string centreId) => Grains.GetGrain<ICentreGrain>(centreId).GetConsultsAsync();

    private static Task<ConsultView> WaitForTargetAsync(IConsultGrain consult, string centreId) =>
        GrainWait.UntilAsync(async () => (await consult.GetAsync())!, c => c.TargetCentreId == centreId, $"escalation to {centreId}");

    private ConsultRequest Request(string patientId, ConsultUrgency urgency) => new()
    {
        PatientId = patientId,
        RequestedBy = "dr-village",
        Reason = "New ST elevation in V2-V4?",
        Urgency = urgency,
        Strip = new EcgStripReference { PatientId = patientId, FromUnixMs = Now - 20_000, ToUnixMs = Now },
    };
}
