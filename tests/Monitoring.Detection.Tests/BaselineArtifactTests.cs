using Monitoring.Cli;
using Monitoring.Detection.Qrs;
using Monitoring.Detection.Quality;
using Monitoring.Detection.Rhythm;
using Monitoring.Wfdb;

namespace Monitoring.Detection.Tests;

public class BaselineArtifactTests
{
    [Fact]
    public void AnAmplifierSaturationStepIsAnArtifactNotAsystole()
    {
        // mitdb/116 at 22:34: the baseline jumps about 4 mV and recovers over seconds; no QRS is readable meanwhile.
        var analysis = RecordAnalysis.Run(WfdbRecordReader.ReadSignals(SharedData.Record("mitdb", "116")));
        double fs = analysis.SamplingFrequency;
        Assert.DoesNotContain(analysis.RhythmEvents, e => e.Condition == RhythmCondition.Asystole);
        Assert.Contains(analysis.RhythmEvents, e => e.Condition == RhythmCondition.SignalArtifact && e.Onset && Math.Abs(e.SampleIndex / fs - 1356) < 3);
    }

    [Fact]
    public void OrdinaryRecordsRarelyShowArtifact()
    {
        var analysis = RecordAnalysis.Run(WfdbRecordReader.ReadSignals(SharedData.Record("mitdb", "119")));
        Assert.DoesNotContain(analysis.RhythmEvents, e => e.Condition == RhythmCondition.SignalArtifact);
    }

    [Fact]
    public void AStepBeginsAndEndsTheArtifactAndAFlatBaselineNever()
    {
        var monitor = new BaselineArtifactMonitor(new QrsDetectorSettings(250, 200));
        var sink = new CollectingRhythmSink();
        var flat = new short[250 * 10];
        monitor.Process(flat, ref sink);
        Assert.Empty(sink.List);

        var stepped = new short[250 * 10];
        Array.Fill(stepped, (short)(3 * 200)); // +3 mV and staying there
        monitor.Process(stepped, ref sink);
        Assert.Equal([true, false], sink.List.Select(e => e.Onset));
        Assert.Equal(250 * 11, sink.List[0].SampleIndex);
    }

    [Fact]
    public void ProcessingAllocatesNothing()
    {
        var monitor = new BaselineArtifactMonitor(new QrsDetectorSettings(360, 200));
        short[] samples = WfdbRecordReader.ReadSignals(SharedData.Record("mitdb", "116")).GetSignal(0);
        var sink = new CountingRhythmSink();
        monitor.Process(samples, ref sink);
        long before = GC.GetAllocatedBytesForCurrentThread();
        monitor.Process(samples, ref sink);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sink.Count > 0);
    }
}
