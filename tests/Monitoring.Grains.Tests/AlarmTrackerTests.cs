using Monitoring.Contracts.Alarms;
using Monitoring.Grains.Alarms;

namespace Monitoring.Grains.Tests;

public class AlarmTrackerTests
{
    [Fact]
    public void ALethalAlarmLatchesWhenItsConditionEnds()
    {
        var tracker = new AlarmTracker("pat-1", new AlarmTrackerState());
        var raised = tracker.Onset("VentricularTachycardia", "centre-1", 1_000, new AlarmEvidence(180, 8), 900, 1_100);
        Assert.NotNull(raised);
        Assert.Equal(("pat-1/1", AlarmPriority.High, AlarmState.Active, true), (raised.AlarmId, raised.Priority, raised.State, raised.Latched));
        Assert.Equal(("V-TACH", 180.0, 8, -9_000L, 11_000L), (raised.Label, raised.HeartRateBpm!.Value, raised.BeatCount, raised.StripFromUnixMs, raised.StripToUnixMs));

        Assert.Null(tracker.Onset("VentricularTachycardia", "centre-1", 1_500, default, 1_400, 1_600));
        var ended = tracker.Offset("VentricularTachycardia", 9_000);
        Assert.Equal(AlarmState.Latched, ended!.State);
        Assert.Equal(9_000, ended.EndUnixMs);
        Assert.Single(tracker.Active);
    }

    [Fact]
    public void ANonLatchingAlarmResolvesAndLeavesTheActiveList()
    {
        var tracker = new AlarmTracker("pat-1", new AlarmTrackerState());
        var raised = tracker.Onset("Bradycardia", "centre-1", 1_000, new AlarmEvidence(42), 900, 1_100);
        Assert.Equal(AlarmPriority.Medium, raised!.Priority);
        Assert.Equal(AlarmState.Resolved, tracker.Offset("Bradycardia", 5_000)!.State);
        Assert.Empty(tracker.Active);
        Assert.Null(tracker.Offset("Bradycardia", 6_000));
    }

    [Fact]
    public void TechnicalAlarmsAreTechnicalAndNumbersNeverRepeat()
    {
        var state = new AlarmTrackerState();
        var tracker = new AlarmTracker("pat-1", state);
        var first = tracker.Onset(AlarmCatalog.SignalLoss, "c", 0, default, 0, 0)!;
        tracker.Offset(AlarmCatalog.SignalLoss, 10);
        var second = new AlarmTracker("pat-1", state).Onset(AlarmCatalog.SignalLoss, "c", 20, default, 20, 20)!;
        Assert.Equal((AlarmKind.Technical, "NO SIGNAL"), (first.Kind, first.Label));
        Assert.NotEqual(first.AlarmId, second.AlarmId);
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
