using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Network;
using Monitoring.Grains.Alarms;

namespace Monitoring.Grains.Tests;

public class AlarmTrackerTests
{
    private static readonly AlarmPolicy Policy = new();

    /// <summary>Village clinic desk, township, county, city, province: the responsible centre first.</summary>
    private static readonly CentreChainLink[] Chain =
    [
        new("c-village", "f-village", FacilityTier.Village),
        new("c-township", "f-township", FacilityTier.Township),
        new("c-county", "f-county", FacilityTier.County),
        new("c-city", "f-city", FacilityTier.City),
        new("c-province", "f-province", FacilityTier.Province),
    ];

    private static AlarmTracker NewTracker(AlarmTrackerState? state = null) => new("pat-1", state ?? new AlarmTrackerState(), Policy);

    private static Alarm Raise(AlarmTracker tracker, string condition, long now) =>
        tracker.Onset(condition, "c-village", now, new AlarmEvidence(180, 8), now - 100, now, canEscalate: true)!;

    [Fact]
    public void ALethalAlarmLatchesWhenItsConditionEndsUnacknowledged()
    {
        var tracker = NewTracker();
        var raised = tracker.Onset("VentricularTachycardia", "centre-1", 1_000, new AlarmEvidence(180, 8), 900, 1_100, canEscalate: false);
        Assert.NotNull(raised);
        Assert.Equal(("pat-1/1", AlarmPriority.High, AlarmState.Active, true, 1), (raised.AlarmId, raised.Priority, raised.State, raised.Latched, raised.Version));
        Assert.Equal(("V-TACH", 180.0, 8, -9_000L, 11_000L), (raised.Label, raised.HeartRateBpm!.Value, raised.BeatCount, raised.StripFromUnixMs, raised.StripToUnixMs));

        Assert.Null(tracker.Onset("VentricularTachycardia", "centre-1", 1_500, default, 1_400, 1_600, canEscalate: false));
        var ended = tracker.Offset("VentricularTachycardia", 9_000, 9_100);
        Assert.Equal((AlarmState.Latched, 9_000L, 2), (ended!.State, ended.EndUnixMs!.Value, ended.Version));
        Assert.Single(tracker.Active);

        var reset = tracker.Acknowledge(ended.AlarmId, "dr-li", 10_000);
        Assert.Equal((AlarmState.Resolved, "dr-li"), (reset!.State, reset.AcknowledgedBy));
        Assert.Empty(tracker.Active);
    }

    [Fact]
    public void ANonLatchingAlarmResolvesAndLeavesTheActiveList()
    {
        var tracker = NewTracker();
        var raised = tracker.Onset("Bradycardia", "centre-1", 1_000, new AlarmEvidence(42), 900, 1_100, canEscalate: false);
        Assert.Equal(AlarmPriority.Medium, raised!.Priority);
        Assert.Equal(AlarmState.Resolved, tracker.Offset("Bradycardia", 5_000, 5_000)!.State);
        Assert.Empty(tracker.Active);
        Assert.Null(tracker.Offset("Bradycardia", 6_000, 6_000));
    }

    [Fact]
    public void AnAcknowledgedAlarmStaysQuietWhileItsConditionLastsButANewLethalConditionBreaksThrough()
    {
        var tracker = NewTracker();
        var vt = Raise(tracker, "VentricularTachycardia", 1_000);
        var acknowledged = tracker.Acknowledge(vt.AlarmId, "nurse-wang", 2_000)!;
        Assert.Equal((AlarmState.Acknowledged, (long?)null), (acknowledged.State, acknowledged.EscalationDueUnixMs));
        Assert.Null(tracker.Acknowledge(vt.AlarmId, "nurse-wang", 2_100));

        // The same condition continuing raises nothing new; a new lethal condition does.
        Assert.Null(Raise(tracker, "VentricularTachycardia", 3_000));
        var vf = Raise(tracker, "VentricularFibrillation", 4_000);
        Assert.Equal(AlarmState.Active, vf.State);

        // An acknowledged alarm resolves (does not latch) when its condition ends.
        Assert.Equal(AlarmState.Resolved, tracker.Offset("VentricularTachycardia", 5_000, 5_000)!.State);
        Assert.Equal(["pat-1/2"], tracker.Active.Select(a => a.AlarmId));
    }

    [Fact]
    public void DuringAnAudioPauseNewAlarmsWaitForThePauseToEnd()
    {
        var tracker = NewTracker();
        var brady = Raise(tracker, "Bradycardia", 1_000);
        long until = 1_000 + (long)(Policy.AudioPauseSeconds * 1000);
        var paused = tracker.PauseAudio(until, 1_000);
        Assert.Equal([(brady.AlarmId, AlarmState.AudioPaused)], paused.Select(a => (a.AlarmId, a.State)));

        var asystole = Raise(tracker, "Asystole", 60_000);
        Assert.Equal((AlarmState.AudioPaused, until), (asystole.State, asystole.AudioPausedUntilUnixMs!.Value));
        Assert.Empty(tracker.EndAudioPauseIfOver(until - 1));
        Assert.True(tracker.NextDeadline() <= until);

        var resumed = tracker.EndAudioPauseIfOver(until);
        Assert.Equal([AlarmState.Active, AlarmState.Active], resumed.Select(a => a.State));
        Assert.Null(tracker.AudioPausedUntilUnixMs);
    }

    [Fact]
    public void AnAudioPauseSilencesALatchedAlarmWhichStaysLatchedUntilReset()
    {
        var tracker = NewTracker();
        var vt = Raise(tracker, "VentricularTachycardia", 1_000);
        Assert.Equal(AlarmState.Latched, tracker.Offset("VentricularTachycardia", 5_000, 5_000)!.State);
        long until = 6_000 + (long)(Policy.AudioPauseSeconds * 1000);

        var paused = Assert.Single(tracker.PauseAudio(until, 6_000));
        Assert.Equal((vt.AlarmId, AlarmState.Latched, until), (paused.AlarmId, paused.State, paused.AudioPausedUntilUnixMs!.Value));

        var resumed = Assert.Single(tracker.EndAudioPauseIfOver(until));
        Assert.Equal((AlarmState.Latched, (long?)null), (resumed.State, resumed.AudioPausedUntilUnixMs));
    }

    [Fact]
    public void AnUnacknowledgedHighPriorityAlarmEscalatesOneCentreUpEvery30SecondsToTheProvince()
    {
        var tracker = NewTracker();
        var vf = Raise(tracker, "VentricularFibrillation", 0);
        Assert.Equal(30_000, vf.EscalationDueUnixMs);
        Assert.Empty(tracker.EscalateDue(Chain, 29_999));

        string[] reached = new string[4];
        for (int level = 1; level <= 4; level++)
        {
            var escalated = Assert.Single(tracker.EscalateDue(Chain, level * 30_000L));
            Assert.Equal(level, escalated.Escalation.Count);
            reached[level - 1] = escalated.Escalation[^1].CentreId;
        }
        Assert.Equal(["c-township", "c-county", "c-city", "c-province"], reached);
        Assert.Null(tracker.Active[0].EscalationDueUnixMs);
        Assert.Null(tracker.NextDeadline());
    }

    [Fact]
    public void MediumAlarmsEscalateAfterTwoMinutesAndLowOnesNever()
    {
        var tracker = NewTracker();
        Assert.Equal(120_000, Raise(tracker, "Bradycardia", 0).EscalationDueUnixMs);
        Assert.Null(Raise(tracker, "Couplet", 0).EscalationDueUnixMs);
    }

    [Fact]
    public void AcceptingTakesTheAlarmOverAndDecliningSendsItOnAtOnce()
    {
        var tracker = NewTracker();
        var vt = Raise(tracker, "VentricularTachycardia", 0);
        tracker.EscalateDue(Chain, 30_000);

        Assert.Null(tracker.RecordEscalation(vt.AlarmId, "c-city", EscalationReport.Viewed, "dr-x", 31_000));
        var viewed = tracker.RecordEscalation(vt.AlarmId, "c-township", EscalationReport.Viewed, "nurse-zhao", 31_000)!;
        Assert.Equal((31_000L, 31_000L), (viewed.Escalation[0].DeliveredUnixMs!.Value, viewed.Escalation[0].ViewedUnixMs!.Value));

        var declined = tracker.RecordEscalation(vt.AlarmId, "c-township", EscalationReport.Declined, "nurse-zhao", 32_000)!;
        Assert.Equal((EscalationResponse.Declined, 32_000L), (declined.Escalation[0].Response, declined.EscalationDueUnixMs!.Value));
        Assert.Equal("c-county", Assert.Single(tracker.EscalateDue(Chain, 32_000)).Escalation[^1].CentreId);

        var accepted = tracker.RecordEscalation(vt.AlarmId, "c-county", EscalationReport.Accepted, "dr-chen", 33_000)!;
        Assert.Equal((EscalationResponse.Accepted, (long?)null), (accepted.Escalation[^1].Response, accepted.EscalationDueUnixMs));
        Assert.Empty(tracker.EscalateDue(Chain, 1_000_000));
    }

    [Fact]
    public void ALatchedAlarmKeepsEscalatingUntilAcknowledged()
    {
        var tracker = NewTracker();
        var asystole = Raise(tracker, "Asystole", 0);
        var latched = tracker.Offset("Asystole", 5_000, 5_000)!;
        Assert.Equal((AlarmState.Latched, 30_000L), (latched.State, latched.EscalationDueUnixMs!.Value));
        Assert.Single(tracker.EscalateDue(Chain, 30_000));
        Assert.Equal(AlarmState.Resolved, tracker.Acknowledge(asystole.AlarmId, "dr-li", 40_000)!.State);
        Assert.Null(tracker.NextDeadline());
    }

    [Fact]
    public void ALatchedAlarmWhoseConditionComesBackIsActiveAgainNotASecondAlarm()
    {
        var tracker = NewTracker();
        var vt = Raise(tracker, "VentricularTachycardia", 1_000);
        tracker.Offset("VentricularTachycardia", 6_000, 6_000);

        // The next run of VT, 14 s later, nobody having reset the latched alarm.
        var again = tracker.Onset("VentricularTachycardia", "c-village", 20_000, new AlarmEvidence(150, 12), 20_300, 20_400, canEscalate: true)!;
        Assert.Equal((vt.AlarmId, AlarmState.Active, 3, 1), (again.AlarmId, again.State, again.Version, again.Recurrences));
        Assert.Equal((1_000L, 20_000L, 20_400L, (long?)null), (again.OnsetUnixMs, again.LastOnsetUnixMs!.Value, again.RecurredUnixMs!.Value, again.EndUnixMs));
        Assert.Equal((150.0, 12, 20_300L), (again.HeartRateBpm!.Value, again.BeatCount, again.EvidenceArrivedUnixMs));
        Assert.True(again.IsRaise);
        Assert.Equal(31_000L, again.EscalationDueUnixMs); // unanswered since its first onset: escalation keeps its schedule
        Assert.Single(tracker.Active);

        // It latches again when the run ends, and one reset clears it.
        var latched = tracker.Offset("VentricularTachycardia", 25_000, 25_000)!;
        Assert.Equal((vt.AlarmId, AlarmState.Latched, 25_000L, false), (latched.AlarmId, latched.State, latched.EndUnixMs!.Value, latched.IsRaise));
        Assert.Equal(AlarmState.Resolved, tracker.Acknowledge(vt.AlarmId, "dr-li", 26_000)!.State);
        Assert.Empty(tracker.Active);

        // After the reset the condition raises a new alarm.
        Assert.NotEqual(vt.AlarmId, Raise(tracker, "VentricularTachycardia", 40_000).AlarmId);
    }

    [Fact]
    public void ALatchedAlarmThatRecursDuringAnAudioPauseStaysSilentUntilThePauseEnds()
    {
        var tracker = NewTracker();
        var vf = Raise(tracker, "VentricularFibrillation", 1_000);
        tracker.Offset("VentricularFibrillation", 9_000, 9_000);
        tracker.PauseAudio(130_000, 10_000);
        var again = tracker.Onset("VentricularFibrillation", "c-village", 12_000, default, 12_100, 12_200, canEscalate: true)!;
        Assert.Equal((vf.AlarmId, AlarmState.AudioPaused, 130_000L), (again.AlarmId, again.State, again.AudioPausedUntilUnixMs!.Value));
        var sounding = Assert.Single(tracker.EndAudioPauseIfOver(130_000));
        Assert.Equal((vf.AlarmId, AlarmState.Active), (sounding.AlarmId, sounding.State));
    }

    [Fact]
    public void AnAcknowledgedAlarmDoesNotLatchSoItsConditionsNextEpisodeIsANewAlarm()
    {
        var tracker = NewTracker();
        var first = Raise(tracker, "Asystole", 1_000);
        tracker.Acknowledge(first.AlarmId, "dr-li", 3_000);
        Assert.Equal(AlarmState.Resolved, tracker.Offset("Asystole", 8_000, 8_000)!.State);
        var second = Raise(tracker, "Asystole", 20_000);
        Assert.Equal(("pat-1/2", 0, 1), (second.AlarmId, second.Recurrences, second.Version));
    }

    [Fact]
    public void AnEpisodeFoundAgainAfterAFailoverIsNotRaisedTwice()
    {
        var state = new AlarmTrackerState();
        var tracker = NewTracker(state);
        var first = Raise(tracker, "NonSustainedVentricularTachycardia", 10_000);
        tracker.Offset("NonSustainedVentricularTachycardia", 12_000, 12_100);

        // The device resends; the fresh analysis finds the same run again (same onset, or within a second).
        var afterFailover = NewTracker(state);
        Assert.Null(afterFailover.Onset("NonSustainedVentricularTachycardia", "c", 10_400, default, 20_000, 20_000, canEscalate: false));
        Assert.Null(afterFailover.Offset("NonSustainedVentricularTachycardia", 12_000, 20_100));

        // A later run is a new episode.
        var later = afterFailover.Onset("NonSustainedVentricularTachycardia", "c", 15_000, default, 21_000, 21_000, canEscalate: false);
        Assert.NotNull(later);
        Assert.NotEqual(first.AlarmId, later.AlarmId);
    }

    [Fact]
    public void TechnicalAlarmsAreTechnicalAndNumbersNeverRepeat()
    {
        var state = new AlarmTrackerState();
        var tracker = NewTracker(state);
        var first = tracker.Onset(AlarmCatalog.SignalLoss, "c", 0, default, 0, 0, canEscalate: false)!;
        tracker.Offset(AlarmCatalog.SignalLoss, 3_000, 3_000);
        var second = NewTracker(state).Onset(AlarmCatalog.SignalLoss, "c", 8_000, default, 8_000, 8_000, canEscalate: false)!;
        Assert.Equal((AlarmKind.Technical, "NO SIGNAL"), (first.Kind, first.Label));
        Assert.NotEqual(first.AlarmId, second.AlarmId);
    }

    [Fact]
    public void TachycardiaUnderALatchedExtremeTachycardiaRaisesNothingAndEndsUnseen()
    {
        var tracker = NewTracker();
        Raise(tracker, "ExtremeTachycardia", 1_000);
        Assert.Equal(AlarmState.Latched, tracker.Offset("ExtremeTachycardia", 5_000, 5_100)!.State);

        // The rate falls from 150 to 130: the analysis hands over to tachycardia, which the latched alarm covers.
        Assert.Null(tracker.Onset("Tachycardia", "c-village", 5_000, new AlarmEvidence(130), 5_050, 5_100, canEscalate: true));
        Assert.Null(tracker.Offset("Tachycardia", 9_000, 9_100));
        var changes = new List<Alarm>();
        tracker.RaiseUncovered("c-village", 9_100, canEscalate: true, changes);

        Assert.Empty(changes);
        Assert.Equal(["ExtremeTachycardia"], tracker.Active.Select(a => a.Condition));
    }

    [Fact]
    public void ACoveredTachycardiaStillGoingOnIsRaisedWhenTheLatchedExtremeOneIsReset()
    {
        var tracker = NewTracker();
        string extreme = Raise(tracker, "ExtremeTachycardia", 1_000).AlarmId;
        tracker.Offset("ExtremeTachycardia", 5_000, 5_100);
        Assert.Null(tracker.Onset("Tachycardia", "c-village", 5_000, new AlarmEvidence(130), 5_050, 5_100, canEscalate: true));

        Assert.Equal(AlarmState.Resolved, tracker.Acknowledge(extreme, "nurse-1", 20_000)!.State);
        var changes = new List<Alarm>();
        tracker.RaiseUncovered("c-village", 20_000, canEscalate: true, changes);

        var tachycardia = Assert.Single(changes);
        Assert.Equal(("Tachycardia", AlarmState.Active, 5_000L, 20_000L, 130.0), (tachycardia.Condition, tachycardia.State, tachycardia.OnsetUnixMs, tachycardia.RaisedUnixMs, tachycardia.HeartRateBpm!.Value));
        Assert.Equal(["Tachycardia"], tracker.Active.Select(a => a.Condition));
        // Raised once: a second look finds nothing more.
        changes.Clear();
        tracker.RaiseUncovered("c-village", 21_000, canEscalate: true, changes);
        Assert.Empty(changes);
    }

    [Fact]
    public void TheMilderRateAlarmIsRaisedAsUsualWhenNoMoreSevereOneIsOnTheList()
    {
        var tracker = NewTracker();
        Assert.NotNull(tracker.Onset("Bradycardia", "c-village", 1_000, new AlarmEvidence(45), 1_050, 1_100, canEscalate: true));
        Raise(tracker, "ExtremeTachycardia", 2_000);
        // Extreme tachycardia covers tachycardia only: bradycardia is another limit.
        Assert.Null(tracker.Onset("Tachycardia", "c-village", 3_000, default, 3_050, 3_100, canEscalate: true));
        Assert.Equal(["Bradycardia", "ExtremeTachycardia"], tracker.Active.Select(a => a.Condition).Order());
    }

    private static readonly HashSet<string> AnalysisConditions = ["Asystole", "Tachycardia", "AtrialFibrillation"];

    [Fact]
    public void AnAlarmANewAnalysisDoesNotReportAgainEndsAfterTheGraceAndNoLongerHidesTheNextEpisode()
    {
        var tracker = NewTracker();
        string asystole = Raise(tracker, "Asystole", 1_000).AlarmId;
        tracker.Acknowledge(asystole, "nurse-1", 2_000);
        tracker.Onset("SignalLoss", "c-village", 3_000, default, 3_000, 3_000, canEscalate: true);

        // The device comes back after a gap: a new analysis, which sees sinus rhythm and says nothing of asystole.
        tracker.AnalysisRestarted(AnalysisConditions, restartUnixMs: 40_000, nowUnixMs: 41_000);
        var changes = new List<Alarm>();
        tracker.EndUnconfirmed(41_000 + 59_999, 60_000, changes);
        Assert.Empty(changes);
        tracker.EndUnconfirmed(41_000 + 60_000, 60_000, changes);

        var ended = Assert.Single(changes);
        Assert.Equal((asystole, AlarmState.Resolved, 40_000L), (ended.AlarmId, ended.State, ended.EndUnixMs!.Value));
        Assert.False(tracker.AwaitsConfirmation);
        Assert.Equal(["SignalLoss"], tracker.Active.Select(a => a.Condition)); // the grain's own technical alarm is not the analysis's
        // Before, the acknowledged alarm stayed present and the next standstill raised nothing.
        Assert.NotNull(tracker.Onset("Asystole", "c-village", 200_000, default, 200_100, 200_200, canEscalate: true));
    }

    [Fact]
    public void AnAlarmTheNewAnalysisReportsAgainWithinTheGraceGoesOnAsOneAlarm()
    {
        var tracker = NewTracker();
        string af = tracker.Onset("AtrialFibrillation", "c-village", 1_000, default, 1_100, 1_200, canEscalate: true)!.AlarmId;
        Alarm unacknowledgedLethal = Raise(tracker, "Asystole", 2_000);
        tracker.AnalysisRestarted(AnalysisConditions, restartUnixMs: 40_000, nowUnixMs: 41_000);

        Assert.Null(tracker.Onset("AtrialFibrillation", "c-village", 70_000, default, 70_100, 71_000, canEscalate: true)); // found again
        var changes = new List<Alarm>();
        tracker.EndUnconfirmed(101_000, 60_000, changes);

        // AF goes on as the same alarm; asystole, not found again, latches (lethal, unacknowledged).
        var latched = Assert.Single(changes);
        Assert.Equal((unacknowledgedLethal.AlarmId, AlarmState.Latched), (latched.AlarmId, latched.State));
        Assert.Contains(tracker.Active, a => a.AlarmId == af && a.State == AlarmState.Active);
    }

    [Theory]
    [InlineData("Asystole", AlarmPriority.High, true)]
    [InlineData("ExtremeTachycardia", AlarmPriority.High, true)]
    [InlineData("Couplet", AlarmPriority.Low, false)]
    [InlineData("SomethingNew", AlarmPriority.Medium, false)]
    public void PrioritiesFollowTheVendorDefaults(string condition, AlarmPriority priority, bool latched)
    {
        var definition = AlarmCatalog.For(condition);
        Assert.Equal((priority, latched), (definition.Priority, definition.Latched));
    }

    [Fact]
    public void The_analyzers_signal_quality_conditions_are_technical_alarms()
    {
        var technical = Enum.GetValues<Monitoring.Detection.Rhythm.RhythmCondition>()
            .Where(c => c >= Monitoring.Detection.Rhythm.RhythmCondition.SignalArtifact);
        Assert.All(technical, condition => Assert.Equal(AlarmKind.Technical, AlarmCatalog.For(condition.ToString()).Kind));
    }
}
