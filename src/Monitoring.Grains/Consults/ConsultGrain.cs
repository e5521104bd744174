using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts.Centres;
using Monitoring.Contracts.Consults;
using Monitoring.Contracts.Patients;
using Monitoring.Grains.Live;
using Monitoring.Grains.Scheduling;
using Monitoring.Grains.Telemetry;

namespace Monitoring.Grains.Consults;

/// <summary>
/// One consult: routed to the queue of the requester's supervising centre, accepted and answered there, and moved
/// one centre up the patient's chain when nobody accepts it in its urgency's time or the centre declines. Every
/// change is stored (with its history entry) before the centres' queues and consoles hear of it. The acceptance
/// deadline lives in the stored consult; a grain timer fires at it, and a reminder wakes the grain after a restart
/// while it is pending, so that an escalation is neither lost nor repeated.
/// </summary>
public sealed class ConsultGrain(
    [PersistentState("consult", StorageNames.State)] IPersistentState<ConsultGrainState> state,
    IMonitoringPublisher publisher,
    ConsultPolicy policy,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : Grain, IConsultGrain, IRemindable
{
    private const string DeadlineReminderName = "consult-deadline";

    private DurableDeadline _deadline = null!;

    private string ConsultId => this.GetPrimaryKeyString();
    private ConsultGrainState State => state.State;
    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _deadline = new DurableDeadline(this, clock, DeadlineReminderName, TimeSpan.FromSeconds(policy.ReminderSeconds), HandleDeadlineAsync);
        TrackWaiting();
        // A deadline that passed while no host ran the grain is handled now; otherwise the timer is re-armed.
        await HandleDeadlineAsync(cancellationToken);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        MonitoringMetrics.TrackConsultWaiting(ConsultId, null);
        return Task.CompletedTask;
    }

    public async Task<ConsultView> RequestAsync(ConsultRequest request)
    {
        if (State.Consult is { } existing)
            return existing.Request == request ? existing : throw new InvalidOperationException($"Consult {ConsultId} was already requested differently.");
        Validate(request);
        PatientStatus patient = await GrainFactory.GetGrain<IPatientGrain>(request.PatientId).GetStatusAsync();
        if (!patient.Admitted) throw new InvalidOperationException($"Patient {request.PatientId} is not admitted.");
        var (index, why) = ConsultRouting.FirstTarget(patient.CentreChain, request);

        long now = Now;
        string target = patient.CentreChain[index].CentreId;
        State.Chain = [.. patient.CentreChain];
        State.TargetIndex = index;
        ConsultView consult = await SaveAsync(new ConsultView
        {
            ConsultId = ConsultId,
            Request = request,
            State = ConsultState.Requested,
            TargetCentreId = target,
            RequestedUnixMs = now,
            AcceptDueUnixMs = policy.AcceptDue(request.Urgency, now),
            History =
            [
                Event(now, ConsultEventKind.Requested, request.RequestingCentreId, request.RequestedBy, request.Reason),
                Event(now, ConsultEventKind.Routed, target, null, why),
            ],
        });
        MonitoringMetrics.CountConsultRequested(request.Urgency);
        return consult;
    }

    private static void Validate(ConsultRequest request)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.PatientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.RequestedBy);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Reason);
        if (request.Strip.PatientId != request.PatientId) throw new ArgumentException("The ECG strip must be the patient's own.");
        if (request.Strip.ToUnixMs <= request.Strip.FromUnixMs) throw new ArgumentException("The ECG strip must end after it starts.");
    }

    public Task<ConsultView> AcceptAsync(string centreId, string userId)
    {
        ConsultView consult = AtTarget(centreId, ConsultState.Requested, "accept");
        return SaveAsync(Next(consult, ConsultEventKind.Accepted, centreId, userId, "") with
        {
            State = ConsultState.Accepted,
            AcceptedBy = userId,
            AcceptDueUnixMs = null,
        });
    }

    public Task<ConsultView> DeclineAsync(string centreId, string userId)
    {
        ConsultView consult = AtTarget(centreId, ConsultState.Requested, "decline");
        return EscalateAsync(Next(consult, ConsultEventKind.Declined, centreId, userId, ""), $"Declined by {centreId}.");
    }

    public Task<ConsultView> AnswerAsync(string centreId, string userId, string report)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(report);
        ConsultView consult = AtTarget(centreId, ConsultState.Accepted, "answer");
        return SaveAsync(Next(consult, ConsultEventKind.Answered, centreId, userId, report) with
        {
            State = ConsultState.Answered,
            Report = report,
        });
    }

    public Task<ConsultView> CancelAsync(string userId)
    {
        ConsultView consult = Existing();
        if (!IsOpen(consult)) throw new InvalidOperationException($"Consult {ConsultId} is {consult.State}; only an open consult can be cancelled.");
        return SaveAsync(Next(consult, ConsultEventKind.Cancelled, null, userId, "") with
        {
            State = ConsultState.Cancelled,
            AcceptDueUnixMs = null,
        });
    }

    public Task<ConsultView?> GetAsync() => Task.FromResult(State.Consult);

    private ConsultView Existing() =>
        State.Consult ?? throw new InvalidOperationException($"Consult {ConsultId} was never requested.");

    /// <summary>The consult, when it is in <paramref name="expected"/> state in the queue of <paramref name="centreId"/> (only that centre may act on it).</summary>
    private ConsultView AtTarget(string centreId, ConsultState expected, string action)
    {
        ConsultView consult = Existing();
        if (consult.State != expected) throw new InvalidOperationException($"Consult {ConsultId} is {consult.State}; cannot {action} it.");
        if (consult.TargetCentreId != centreId) throw new InvalidOperationException($"Consult {ConsultId} is with centre {consult.TargetCentreId}, not {centreId}.");
        return consult;
    }

    /// <summary>
    /// Moves the consult to the next centre up the chain with a fresh acceptance time. At the top there is nobody to
    /// move to: it stays in that queue with no deadline, and the history says so.
    /// </summary>
    private async Task<ConsultView> EscalateAsync(ConsultView consult, string why)
    {
        long now = Now;
        if (State.TargetIndex + 1 >= State.Chain.Count)
        {
            string text = $"{why} No centre above {consult.TargetCentreId}: the consult stays in its queue.";
            return await SaveAsync(Next(consult, ConsultEventKind.NoHigherCentre, consult.TargetCentreId, null, text) with { AcceptDueUnixMs = null });
        }
        string previous = consult.TargetCentreId;
        State.TargetIndex++;
        string next = State.Chain[State.TargetIndex].CentreId;
        ConsultView escalated = await SaveAsync(Next(consult, ConsultEventKind.Escalated, next, null, why) with
        {
            TargetCentreId = next,
            AcceptDueUnixMs = policy.AcceptDue(consult.Request.Urgency, now),
        }, previous);
        MonitoringMetrics.CountConsultEscalation(consult.Request.Urgency);
        return escalated;
    }

    /// <summary>
    /// Stores the changed consult, then keeps the centres' queues in step (the one it left, if any, and its target),
    /// pushes it to the centres concerned and re-arms the deadline.
    /// </summary>
    private async Task<ConsultView> SaveAsync(ConsultView consult, string? leftCentreId = null)
    {
        State.Consult = consult;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // The change is in memory only: the next call reloads the stored consult in a fresh activation.
            DeactivateOnIdle();
            throw;
        }
        if (leftCentreId is not null) await GrainFactory.GetGrain<ICentreGrain>(leftCentreId).RemoveConsultAsync(ConsultId);
        var target = GrainFactory.GetGrain<ICentreGrain>(consult.TargetCentreId);
        if (IsOpen(consult)) await target.AddConsultAsync(ConsultId);
        else await target.RemoveConsultAsync(ConsultId);
        TrackWaiting();
        await publisher.PublishConsultAsync(consult, CentresConcerned(consult));
        await ArmDeadlineAsync();
        return consult;
    }

    /// <summary>The requesting centre and every centre the consult was queued at (the target last).</summary>
    private static List<string> CentresConcerned(ConsultView consult)
    {
        var centres = new List<string>();
        if (consult.Request.RequestingCentreId is { } requester) centres.Add(requester);
        foreach (ConsultEvent e in consult.History)
        {
            if (e.Kind is ConsultEventKind.Routed or ConsultEventKind.Escalated && e.CentreId is { } centre && !centres.Contains(centre)) centres.Add(centre);
        }
        return centres;
    }

    private static bool IsOpen(ConsultView consult) => consult.State is ConsultState.Requested or ConsultState.Accepted;

    /// <summary>The consult with one more history entry and a new version.</summary>
    private ConsultView Next(ConsultView consult, ConsultEventKind kind, string? centreId, string? userId, string text) =>
        consult with { History = [.. consult.History, Event(Now, kind, centreId, userId, text)], Version = consult.Version + 1 };

    private static ConsultEvent Event(long atUnixMs, ConsultEventKind kind, string? centreId, string? userId, string text) =>
        new() { AtUnixMs = atUnixMs, Kind = kind, CentreId = centreId, UserId = userId, Text = text };

    private void TrackWaiting() => MonitoringMetrics.TrackConsultWaiting(ConsultId,
        State.Consult is { State: ConsultState.Requested } ? State.Chain[State.TargetIndex].Tier : null);

    /// <summary>Escalates the consult when nobody accepted it in time.</summary>
    private Task HandleDeadlineAsync(CancellationToken cancellationToken)
    {
        if (State.Consult is { State: ConsultState.Requested, AcceptDueUnixMs: { } due } consult && due <= Now)
            return EscalateAsync(consult, $"Not accepted within {policy.AcceptTime(consult.Request.Urgency).TotalMinutes:0.#} min at {consult.TargetCentreId}.");
        return ArmDeadlineAsync();
    }

    private Task ArmDeadlineAsync(bool releaseIdleReminder = false) =>
        _deadline.ArmAsync(State.Consult?.AcceptDueUnixMs, State.DeadlineReminder,
            SaveDeadlineReminderAsync, releaseIdleReminder);

    private Task SaveDeadlineReminderAsync(bool registered)
    {
        State.DeadlineReminder = registered;
        return state.WriteStateAsync();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != DeadlineReminderName) return;
        await HandleDeadlineAsync(CancellationToken.None);
        await ArmDeadlineAsync(releaseIdleReminder: true);
    }
}
