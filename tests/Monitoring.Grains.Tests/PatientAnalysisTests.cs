using Monitoring.Contracts.Waveforms;
using Monitoring.Grains.Devices;
using Monitoring.Contracts.Patients;
using Monitoring.Contracts.Alarms;
using Monitoring.Grains.Alarms;
using Monitoring.Grains.Patients;

namespace Monitoring.Grains.Tests;

public class PatientAnalysisTests
{
    [Fact]
    public void VentricularTachycardiaInMitdb205IsFoundAndDatedOnTheDeviceClock()
    {
        // mitdb/205: a run of VT is annotated at 4:58.8; stream from 4:30.
        var events = Run(RecordBatches.From("mitdb", "205", 270, 310));
        var vt = events.First(e => e.Condition == "VentricularTachycardia" && e.Onset);
        double onsetSeconds = 270 + (vt.AtUnixMs - Batches.Start) / 1000.0;
        Assert.InRange(onsetSeconds, 298.0, 300.0);
        Assert.True(vt.Evidence.BeatCount >= 6);
        Assert.InRange(vt.Evidence.HeartRateBpm ?? 0, 60, 250);
    }

    [Fact]
    public void AFlatLineAfterBeatsIsAsystole()
    {
        var beats = RecordBatches.From("mitdb", "101", 0, 20).ToList();
        long next = beats[^1].Sequence;
        var flat = Enumerable.Range(1, 40).Select(i => Batches.Make(next + i, Batches.Start + 20_000 + (i - 1) * 250L, samplesPerLead: 90, rate: 360, value: beats[^1].Samples[^1])).ToList();
        var events = Run(beats.Concat(flat));
        var asystole = Assert.Single(events, e => e.Condition == "Asystole" && e.Onset);
        Assert.InRange((asystole.AtUnixMs - Batches.Start) / 1000.0, 20.0, 25.5);
    }

    [Fact]
    public void ANonConductedPWaveInMitdb118IsAMissedBeatAlarmOfLowPriority()
    {
        // mitdb/118: non-conducted P waves (annotated x) leave 1.4-1.5 s gaps in the 74-bpm sinus rhythm at 3:00 and 3:12.
        var events = Run(RecordBatches.From("mitdb", "118", 150, 200));
        var missed = events.Where(e => e.Condition == "MissedBeat" && e.Onset).ToList();
        Assert.Equal(2, missed.Count);
        Assert.InRange(150 + (missed[0].AtUnixMs - Batches.Start) / 1000.0, 179.5, 180.5);
        Assert.InRange(150 + (missed[1].AtUnixMs - Batches.Start) / 1000.0, 191.8, 192.8);

        var definition = AlarmCatalog.For(missed[0].Condition);
        Assert.Equal(AlarmPriority.Low, definition.Priority);
        Assert.Equal("MISSED BEAT", definition.Label);
    }

    [Fact]
    public void EveryConditionTheAnalyzerReportsHasItsOwnAlarmDefinition()
    {
        foreach (var condition in Enum.GetValues<Detection.Rhythm.RhythmCondition>())
        {
            Assert.True(AlarmCatalog.Defines(condition.ToString()), $"{condition} has no alarm definition");
        }
    }

    [Fact]
    public void TheAnalysisRunsOnLeadII()
    {
        var batch = Batches.Make(1, leads: ["I", "II", "III"]);
        Assert.Equal("II", new PatientAnalysis(batch, new PatientAlarmSettings()).AnalysisLead);
        Assert.Equal("V1", new PatientAnalysis(Batches.Make(1, leads: ["V1"]), new PatientAlarmSettings()).AnalysisLead);
    }

    [Fact]
    public void APacedRhythmIsAVentricularRhythmAlarmOnlyWhenThePatientIsNotSetAsPaced()
    {
        // mitdb/104: a pacemaker patient; from 5:00 to 10:00 the paced beats, wide, are taken for PVCs without the setting.
        static int VentricularAlarms(List<AnalysisEvent> events) => events.Count(e => e.Onset
            && e.Condition is "VentricularRhythm" or "VentricularTachycardia" or "NonSustainedVentricularTachycardia" or "PvcRun");

        var unset = Run(RecordBatches.From("mitdb", "104", 300, 600));
        var paced = Run(RecordBatches.From("mitdb", "104", 300, 600), new PatientAlarmSettings { Paced = true });

        Assert.True(VentricularAlarms(unset) >= 10, $"{VentricularAlarms(unset)} ventricular alarms without the paced setting");
        Assert.Equal(0, VentricularAlarms(paced));
    }

    [Fact]
    public void PacemakerPulsesNoQrsFollowsArePacerNotCapture()
    {
        // mitdb/107, 10:00 to 12:00, a paced patient whose device reports its pacemaker pulses: on the paced beats all
        // are captured; 400 ms after them (the pacemaker firing into the interval, nothing answering) none is.
        var paced = new PatientAlarmSettings { Paced = true };
        var captured = Run(RecordBatches.From("mitdb", "107", 600, 720, pacePulseShiftMs: 0), paced);
        var notCaptured = Run(RecordBatches.From("mitdb", "107", 600, 720, pacePulseShiftMs: 400), paced);

        Assert.DoesNotContain(captured, e => e.Condition == "PacerNotCapture");
        var alarm = Assert.Single(notCaptured, e => e.Condition == "PacerNotCapture" && e.Onset);
        Assert.InRange((alarm.AtUnixMs - Batches.Start) / 1000.0, 0, 5);
        Assert.Equal(AlarmPriority.Medium, AlarmCatalog.For(alarm.Condition).Priority);
    }

    [Fact]
    public void AResentBatchIsKnownAsAnalysedAndAGapBeforeABatchAsMissed()
    {
        var analysis = new PatientAnalysis(Batches.Make(1), new PatientAlarmSettings());
        var events = new List<AnalysisEvent>();
        for (int sequence = 1; sequence <= 4; sequence++) analysis.Process(Batches.Make(sequence), events);

        Assert.True(analysis.HasAnalysed(Batches.Make(4)));
        Assert.True(analysis.HasAnalysed(Batches.Make(1)));
        // The next batch, a few milliseconds early or late on the device clock, is neither.
        foreach (long jitter in new long[] { -20, 0, 20 })
        {
            var next = Batches.Make(5, Batches.Start + 4 * 248 + jitter);
            Assert.False(analysis.HasAnalysed(next));
            Assert.False(analysis.Misses(next));
        }
        Assert.True(analysis.Misses(Batches.Make(6)));
    }

    [Fact]
    public void TheStretchLeadingUpToABatchIsTheLastRunOfJoinedSegmentsOfItsFormat()
    {
        WaveformSegment At(long sequence, long start, int rate = 250) => SegmentBuffer.Single("dev-1", Batches.Make(sequence, start, rate: rate));
        var batch = Batches.Make(10, Batches.Start + 10_000);
        var joined1 = At(8, Batches.Start + 10_000 - 2 * 248);
        var joined2 = At(9, Batches.Start + 10_000 - 248 + 30); // device clock jitter within the tolerance
        var otherRate = At(7, joined1.StartUnixMs - 248, rate: 500);
        var beforeGap = At(1, Batches.Start);

        Assert.Equal([joined1, joined2], PatientAnalysis.LeadingUpTo([beforeGap, otherRate, joined1, joined2], batch));
        Assert.Equal([joined1, joined2], PatientAnalysis.LeadingUpTo([beforeGap, joined1, joined2], batch));
        Assert.Empty(PatientAnalysis.LeadingUpTo([joined1], batch));
        Assert.Empty(PatientAnalysis.LeadingUpTo([], batch));
    }

    private static List<AnalysisEvent> Run(IEnumerable<Contracts.Devices.DeviceBatch> batches, PatientAlarmSettings? settings = null)
    {
        PatientAnalysis? analysis = null;
        var events = new List<AnalysisEvent>();
        foreach (var batch in batches)
        {
            analysis ??= new PatientAnalysis(batch, settings ?? new PatientAlarmSettings());
            analysis.Process(batch, events);
        }
        return events;
    }
}
