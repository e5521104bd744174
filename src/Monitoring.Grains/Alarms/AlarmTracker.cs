using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Network;

namespace Monitoring.Grains.Alarms;

/// <summary>
/// A patient's alarms through their IEC 60601-1-8 states. A condition's onset raises an alarm (once while it lasts);
/// acknowledging silences it and stops its escalation; its end resolves it, or latches it when the condition is
/// lethal and nobody acknowledged (a latched alarm stays until acknowledged, and becomes active again if its condition
/// comes back meanwhile: one alarm per unanswered condition, not a pile of them). After an acknowledgement a new
/// condition raises a new alarm (it breaks through); during an audio pause new alarms start audio-paused and sound
/// when the pause ends. Unacknowledged alarms escalate up the patient's chain of centres on the policy's schedule.
/// One alarm per measurement: a heart-rate limit condition that starts while the alarm of its more severe form is on
/// the list (an extreme tachycardia still present or latched) is covered by it and raises nothing; if it is still
/// going on when that alarm leaves the list (its condition ended after an acknowledgement, or a latched one was
/// reset), it is raised then (<see cref="RaiseUncovered"/>), dated to its own onset.
/// A new analysis knows nothing of the conditions the previous one reported: their alarms still present wait for it
/// to report them again (<see cref="AnalysisRestarted"/>) and end when it has not within the policy's grace
/// (<see cref="EndUnconfirmed"/>). Otherwise an alarm whose condition ended while nobody watched would stay present
/// for ever, and, once acknowledged, hide every later episode of its condition.
/// Every method returns the changed alarms, so that the caller stores them and then pushes them.
/// </summary>
public sealed class AlarmTracker(string patientId, AlarmTrackerState state, AlarmPolicy policy)
{
    /// <summary>Waveform kept around an alarm for review: before and after its onset.</summary>
    public static readonly TimeSpan StripBefore = TimeSpan.FromSeconds(10), StripAfter = TimeSpan.FromSeconds(10);

    /// <summary>Onsets this close (ms, device clock) are the same episode found twice.</summary>
    public const long SameOnsetMs = 1_000;

    private const int RecentOnsetsKept = 64;

    /// <summary>Alarms that are active, acknowledged, audio-paused or latched (resolved ones leave the list).</summary>
    public IReadOnlyList<Alarm> Active => state.Active;

    public long? AudioPausedUntilUnixMs => state.AudioPausedUntilUnixMs;

    /// <summary>The condition started: a new alarm, or null while an alarm for it is still present.</summary>
    public Alarm? Onset(string condition, string? centreId, long onsetUnixMs, AlarmEvidence evidence, long evidenceArrivedUnixMs, long nowUnixMs, bool canEscalate)
    {
        state.Unconfirmed.RemoveAll(u => u.Condition == condition);
        if (FindPresent(condition) >= 0 || WasRaised(condition, onsetUnixMs)) return null;
        int latched = state.Active.FindIndex(a => a.Condition == condition && a.State == AlarmState.Latched);
        if (latched >= 0) return Recur(latched, onsetUnixMs, evidence, evidenceArrivedUnixMs, nowUnixMs);
        if (IsCovered(condition))
        {
            if (!state.Covered.Exists(c => c.Condition == condition))
                state.Covered.Add(new CoveredOnset(condition, onsetUnixMs, evidence, evidenceArrivedUnixMs));
            return null;
        }
        AlarmDefinition definition = AlarmCatalog.For(condition);
        bool paused = state.AudioPausedUntilUnixMs > nowUnixMs;
        var alarm = new Alarm
        {
            AlarmId = $"{patientId}/{++state.LastNumber}",
            PatientId = patientId,
            CentreId = centreId,
            Condition = condition,
            Label = definition.Label,
            Priority = definition.Priority,
            Kind = definition.Kind,
            Latched = definition.Latched,
            State = paused ? AlarmState.AudioPaused : AlarmState.Active,
            AudioPausedUntilUnixMs = paused ? state.AudioPausedUntilUnixMs : null,
            OnsetUnixMs = onsetUnixMs,
            EvidenceArrivedUnixMs = evidenceArrivedUnixMs,
            RaisedUnixMs = nowUnixMs,
            ChangedUnixMs = nowUnixMs,
            HeartRateBpm = evidence.HeartRateBpm,
            BeatCount = evidence.BeatCount,
            IntervalMs = evidence.IntervalMs,
            StripFromUnixMs = onsetUnixMs - (long)StripBefore.TotalMilliseconds,
            StripToUnixMs = onsetUnixMs + (long)StripAfter.TotalMilliseconds,
            EscalationDueUnixMs = canEscalate ? policy.EscalationDue(definition.Priority, nowUnixMs) : null,
        };
        state.Active.Add(alarm);
        RememberOnset(condition, onsetUnixMs);
        return alarm;
    }

    /// <summary>
    /// The condition of a latched alarm came back: that alarm is active again (audio-paused during a pause), with the
    /// new episode's evidence, rather than a second alarm of the condition beside it. Nobody has answered it yet, so its
    /// escalation goes on as it was.
    /// </summary>
    private Alarm Recur(int index, long onsetUnixMs, AlarmEvidence evidence, long evidenceArrivedUnixMs, long nowUnixMs)
    {
        Alarm alarm = state.Active[index];
        bool paused = state.AudioPausedUntilUnixMs > nowUnixMs;
        RememberOnset(alarm.Condition, onsetUnixMs);
        return Replace(index, alarm with
        {
            State = paused ? AlarmState.AudioPaused : AlarmState.Active,
            AudioPausedUntilUnixMs = paused ? state.AudioPausedUntilUnixMs : null,
            EndUnixMs = null,
            Recurrences = alarm.Recurrences + 1,
            LastOnsetUnixMs = onsetUnixMs,
            RecurredUnixMs = nowUnixMs,
            EvidenceArrivedUnixMs = evidenceArrivedUnixMs,
            HeartRateBpm = evidence.HeartRateBpm,
            BeatCount = evidence.BeatCount,
            IntervalMs = evidence.IntervalMs,
        }, nowUnixMs);
    }

    private void RememberOnset(string condition, long onsetUnixMs)
    {
        if (state.RecentOnsets.Count == RecentOnsetsKept) state.RecentOnsets.RemoveAt(0);
        state.RecentOnsets.Add(new RecentOnset(condition, onsetUnixMs));
    }

    /// <summary>
    /// True when an alarm for this condition episode (same condition, onset within <see cref="SameOnsetMs"/>) was
    /// already raised: after a failover the device resends batches and the fresh analysis finds the episode again;
    /// clinicians must not see it twice.
    /// </summary>
    private bool WasRaised(string condition, long onsetUnixMs)
    {
        foreach (RecentOnset recent in state.RecentOnsets)
        {
            if (recent.Condition == condition && Math.Abs(recent.OnsetUnixMs - onsetUnixMs) <= SameOnsetMs) return true;
        }
        return false;
    }

    /// <summary>
    /// Raises, into <paramref name="changes"/>, the covered conditions still going on whose more severe form's alarm has
    /// left the list. Call it after the changes that can remove an alarm (condition ends, acknowledgements).
    /// </summary>
    public void RaiseUncovered(string? centreId, long nowUnixMs, bool canEscalate, List<Alarm> changes)
    {
        for (int i = state.Covered.Count - 1; i >= 0; i--)
        {
            CoveredOnset covered = state.Covered[i];
            if (IsCovered(covered.Condition)) continue;
            state.Covered.RemoveAt(i);
            if (Onset(covered.Condition, centreId, covered.OnsetUnixMs, covered.Evidence, covered.EvidenceArrivedUnixMs, nowUnixMs, canEscalate) is { } alarm)
                changes.Add(alarm);
        }
    }

    /// <summary>
    /// A new analysis starts (after a gap, leads off, new settings, a failover), at <paramref name="restartUnixMs"/> on
    /// the device clock: the present alarms of the conditions it reports (<paramref name="analysisConditions"/>) wait
    /// for it to report them again, and what was covered is forgotten (it reports that again too if it goes on).
    /// </summary>
    public void AnalysisRestarted(IReadOnlySet<string> analysisConditions, long restartUnixMs, long nowUnixMs)
    {
        state.Covered.Clear();
        // Each new analysis gets the whole grace (an entry saved before a failover may have been confirmed since).
        state.Unconfirmed.Clear();
        foreach (Alarm alarm in state.Active)
        {
            if (alarm.State is AlarmState.Active or AlarmState.AudioPaused or AlarmState.Acknowledged && analysisConditions.Contains(alarm.Condition))
                state.Unconfirmed.Add(new UnconfirmedCondition(alarm.Condition, nowUnixMs, restartUnixMs));
        }
    }

    /// <summary>Whether some present alarm waits for a new analysis to report its condition again.</summary>
    public bool AwaitsConfirmation => state.Unconfirmed.Count > 0;

    /// <summary>
    /// Ends, into <paramref name="changes"/>, the alarms the new analysis has not reported again within
    /// <paramref name="graceMs"/>: dated where the new analysis started, the last moment anything was known of them
    /// (resolved, or latched when lethal and unacknowledged).
    /// </summary>
    public void EndUnconfirmed(long nowUnixMs, long graceMs, List<Alarm> changes)
    {
        for (int i = state.Unconfirmed.Count - 1; i >= 0; i--)
        {
            UnconfirmedCondition unconfirmed = state.Unconfirmed[i];
            if (nowUnixMs - unconfirmed.SinceUnixMs < graceMs) continue;
            state.Unconfirmed.RemoveAt(i);
            if (Offset(unconfirmed.Condition, unconfirmed.RestartUnixMs, nowUnixMs) is { } ended) changes.Add(ended);
        }
    }

    /// <summary>The condition ended: the alarm resolves, or latches when it is latching and unacknowledged; null when none was present.</summary>
    public Alarm? Offset(string condition, long endUnixMs, long nowUnixMs)
    {
        if (state.Covered.RemoveAll(c => c.Condition == condition) > 0) return null;
        state.Unconfirmed.RemoveAll(u => u.Condition == condition);
        int index = FindPresent(condition);
        if (index < 0) return null;
        Alarm alarm = state.Active[index];
        bool latch = alarm.Latched && alarm.State != AlarmState.Acknowledged;
        return Replace(index, alarm with
        {
            State = latch ? AlarmState.Latched : AlarmState.Resolved,
            EndUnixMs = endUnixMs,
            EscalationDueUnixMs = latch ? alarm.EscalationDueUnixMs : null,
        }, nowUnixMs);
    }

    /// <summary>A clinician acknowledged: a present alarm goes quiet and stops escalating, a latched one is reset (resolved). Null when there was nothing to acknowledge.</summary>
    public Alarm? Acknowledge(string alarmId, string userId, long nowUnixMs)
    {
        int index = state.Active.FindIndex(a => a.AlarmId == alarmId);
        if (index < 0 || state.Active[index].State == AlarmState.Acknowledged) return null;
        Alarm alarm = state.Active[index];
        return Replace(index, alarm with
        {
            State = alarm.State == AlarmState.Latched ? AlarmState.Resolved : AlarmState.Acknowledged,
            AcknowledgedBy = userId,
            AcknowledgedUnixMs = nowUnixMs,
            AudioPausedUntilUnixMs = null,
            EscalationDueUnixMs = null,
        }, nowUnixMs);
    }

    /// <summary>Pauses the audio of the patient's alarms until <paramref name="untilUnixMs"/>; active alarms become audio-paused.</summary>
    public List<Alarm> PauseAudio(long untilUnixMs, long nowUnixMs)
    {
        state.AudioPausedUntilUnixMs = untilUnixMs;
        var changes = new List<Alarm>();
        for (int i = 0; i < state.Active.Count; i++)
        {
            Alarm alarm = state.Active[i];
            if (alarm.State is AlarmState.Active or AlarmState.AudioPaused)
                changes.Add(Replace(i, alarm with { State = AlarmState.AudioPaused, AudioPausedUntilUnixMs = untilUnixMs }, nowUnixMs));
            // A latched alarm sounds until it is reset: the pause silences it too, and it stays latched.
            else if (alarm.State == AlarmState.Latched)
                changes.Add(Replace(i, alarm with { AudioPausedUntilUnixMs = untilUnixMs }, nowUnixMs));
        }
        return changes;
    }

    /// <summary>Ends an audio pause that is over: its alarms sound again (those still unacknowledged).</summary>
    public List<Alarm> EndAudioPauseIfOver(long nowUnixMs)
    {
        var changes = new List<Alarm>();
        if (state.AudioPausedUntilUnixMs is not { } until || until > nowUnixMs) return changes;
        state.AudioPausedUntilUnixMs = null;
        for (int i = 0; i < state.Active.Count; i++)
        {
            Alarm alarm = state.Active[i];
            if (alarm.State == AlarmState.AudioPaused)
                changes.Add(Replace(i, alarm with { State = AlarmState.Active, AudioPausedUntilUnixMs = null }, nowUnixMs));
            else if (alarm.State == AlarmState.Latched && alarm.AudioPausedUntilUnixMs is not null)
                changes.Add(Replace(i, alarm with { AudioPausedUntilUnixMs = null }, nowUnixMs));
        }
        return changes;
    }

    /// <summary>
    /// Escalates every alarm whose escalation is due one centre further up <paramref name="chain"/> (the patient's
    /// centres, responsible one first). Returns the changed alarms; the new step is the last of each one's escalation.
    /// </summary>
    public List<Alarm> EscalateDue(IReadOnlyList<CentreChainLink> chain, long nowUnixMs)
    {
        var changes = new List<Alarm>();
        for (int i = 0; i < state.Active.Count; i++)
        {
            Alarm alarm = state.Active[i];
            if (alarm.EscalationDueUnixMs is not { } due || due > nowUnixMs) continue;
            int level = alarm.Escalation.Count + 1;
            if (level >= chain.Count)
            {
                // The province has it: nobody further up.
                changes.Add(Replace(i, alarm with { EscalationDueUnixMs = null }, nowUnixMs));
                continue;
            }
            var step = new EscalationStep { Level = level, CentreId = chain[level].CentreId, EscalatedUnixMs = nowUnixMs };
            changes.Add(Replace(i, alarm with
            {
                Escalation = [.. alarm.Escalation, step],
                EscalationDueUnixMs = level + 1 < chain.Count ? policy.EscalationDue(alarm.Priority, nowUnixMs) : null,
            }, nowUnixMs));
        }
        return changes;
    }

    /// <summary>
    /// Records what a console of <paramref name="centreId"/> reported about an alarm escalated to it. Accepting
    /// takes the alarm over (no further escalation); declining sends it on up at once. Null when nothing changed.
    /// </summary>
    public Alarm? RecordEscalation(string alarmId, string centreId, EscalationReport report, string? userId, long nowUnixMs)
    {
        int index = state.Active.FindIndex(a => a.AlarmId == alarmId);
        if (index < 0) return null;
        Alarm alarm = state.Active[index];
        int stepIndex = -1;
        for (int s = 0; s < alarm.Escalation.Count; s++)
        {
            if (alarm.Escalation[s].CentreId == centreId) stepIndex = s;
        }
        if (stepIndex < 0) return null;
        EscalationStep step = alarm.Escalation[stepIndex];
        EscalationStep updated = report switch
        {
            EscalationReport.Delivered when step.DeliveredUnixMs is null => step with { DeliveredUnixMs = nowUnixMs },
            EscalationReport.Viewed when step.ViewedUnixMs is null => step with { ViewedUnixMs = nowUnixMs, DeliveredUnixMs = step.DeliveredUnixMs ?? nowUnixMs, RespondedBy = userId },
            EscalationReport.Accepted or EscalationReport.Declined when step.Response == EscalationResponse.None =>
                step with { Response = report == EscalationReport.Accepted ? EscalationResponse.Accepted : EscalationResponse.Declined, RespondedUnixMs = nowUnixMs, RespondedBy = userId },
            _ => step,
        };
        if (updated == step) return null;
        bool latest = stepIndex == alarm.Escalation.Count - 1;
        long? due = alarm.EscalationDueUnixMs;
        if (latest && updated.Response == EscalationResponse.Accepted) due = null;
        if (latest && updated.Response == EscalationResponse.Declined) due = nowUnixMs;
        var steps = alarm.Escalation.ToArray();
        steps[stepIndex] = updated;
        return Replace(index, alarm with { Escalation = steps, EscalationDueUnixMs = due }, nowUnixMs);
    }

    /// <summary>The earliest time something is due (an escalation, or the end of an audio pause), or null.</summary>
    public long? NextDeadline()
    {
        long? next = state.AudioPausedUntilUnixMs;
        foreach (Alarm alarm in state.Active)
        {
            if (alarm.EscalationDueUnixMs is { } due && (next is null || due < next)) next = due;
        }
        return next;
    }

    /// <summary>Whether the alarm of the condition's more severe form is on the list (present, acknowledged or latched).</summary>
    private bool IsCovered(string condition) =>
        AlarmCatalog.MoreSevereForm(condition) is { } severe && state.Active.Exists(a => a.Condition == severe);

    /// <summary>True while an alarm for the condition is present (the condition has not ended), acknowledged or not.</summary>
    public bool IsPresent(string condition) => FindPresent(condition) >= 0;

    /// <summary>The alarm for a condition that is still present (active, audio-paused or acknowledged), or -1.</summary>
    private int FindPresent(string condition) =>
        state.Active.FindIndex(a => a.Condition == condition && a.State is AlarmState.Active or AlarmState.AudioPaused or AlarmState.Acknowledged);

    /// <summary>Stores the alarm's new version: resolved alarms leave the list.</summary>
    private Alarm Replace(int index, Alarm changed, long nowUnixMs)
    {
        changed = changed with { Version = state.Active[index].Version + 1, ChangedUnixMs = nowUnixMs };
        if (changed.State == AlarmState.Resolved) state.Active.RemoveAt(index);
        else state.Active[index] = changed;
        return changed;
    }
}
