using Monitoring.Wfdb;
using Xunit.Abstractions;

namespace Monitoring.Evaluation.Tests;

/// <summary>
/// Compares the shared mitdb reference annotations with themselves and with shifted copies. The expected
/// beat counts are derived here independently of the comparer: every beat annotation outside the
/// reference <c>[</c>..<c>]</c> flutter episodes is scored.
/// </summary>
public class MitdbReferenceTests(ITestOutputHelper output)
{
    private const double Fs = 360;

    /// <summary>Scored reference beats of the 26 shared records with -f 0 (bxb on all 48 gives 109,494).</summary>
    private const int ScoredBeatsFromZero = 59_782;

    /// <summary>Scored reference beats of the 26 shared records from 5:00 (EC57 test period).</summary>
    private const int ScoredBeatsFromFiveMinutes = 49_770;

    public static TheoryData<string> Records() => new(SharedData.MitdbRecords());

    private static IReadOnlyList<WfdbAnnotation> Reference(string record) =>
        WfdbAnnotationReader.Read(Path.Combine(SharedData.Mitdb, record + ".atr"));

    /// <summary>Beat annotations outside the reference VF episodes, in time order.</summary>
    private static List<WfdbAnnotation> ScoredBeats(IReadOnlyList<WfdbAnnotation> annotations)
    {
        var beats = new List<WfdbAnnotation>();
        bool inFlutter = false;
        foreach (var annotation in annotations)
        {
            if (annotation.Code == AnnotationCode.Vfon) inFlutter = true;
            else if (annotation.Code == AnnotationCode.Vfoff) inFlutter = false;
            else if (!inFlutter && AnnotationCode.IsBeat(annotation.Code)) beats.Add(annotation);
        }

        return beats;
    }

    private static List<WfdbAnnotation> Shifted(IEnumerable<WfdbAnnotation> beats, long samples) =>
        beats.Select(b => b with { Sample = b.Sample + samples }).ToList();

    [Theory]
    [MemberData(nameof(Records))]
    public void ReferenceAgainstItselfIsPerfect(string record)
    {
        var reference = Reference(record);
        var scored = ScoredBeats(reference);

        foreach (var options in new[] { Ec57Options.WholeRecord, Ec57Options.Standard })
        {
            var result = Ec57Comparer.Compare(record, reference, reference, Fs, options);
            long start = (long)(options.FromSeconds * Fs);
            Assert.Equal(scored.Count(b => b.Sample >= start), result.QrsTp);
            Assert.Equal(0, result.QrsFn);
            Assert.Equal(0, result.QrsFp);
            Assert.Equal(100.0, result.QrsSensitivity);
            Assert.Equal(100.0, result.QrsPositivePredictivity);
            Assert.True(result.VebSensitivity is null or 100.0);
            Assert.True(result.SvebPositivePredictivity is null or 100.0);
            Assert.Equal(result.QrsTp, Enum.GetValues<Ec57Class>().Sum(c => result.Matrix[c, c]));
        }
    }

    [Theory]
    [MemberData(nameof(Records))]
    public void BeatsShiftedBy100MsStillMatch(string record)
    {
        var reference = Reference(record);
        var scored = ScoredBeats(reference);
        var test = Shifted(scored, 36);

        foreach (var options in new[] { Ec57Options.WholeRecord, Ec57Options.Standard })
        {
            var result = Ec57Comparer.Compare(record, reference, test, Fs, options);
            long start = (long)(options.FromSeconds * Fs);
            Assert.Equal(scored.Count(b => b.Sample >= start), result.QrsTp);
            Assert.Equal(0, result.QrsFn);
            Assert.Equal(0, result.QrsFp);
        }
    }

    [Theory]
    [MemberData(nameof(Records))]
    public void BeatsShiftedBy200MsAreAllMissedAndAllFalse(string record)
    {
        var reference = Reference(record);
        var scored = ScoredBeats(reference);
        var result = Ec57Comparer.Compare(record, reference, Shifted(scored, 72), Fs, Ec57Options.WholeRecord);

        // A beat moved 72 samples late can only meet the next reference beat if that one is at most
        // 72 + 54 = 126 samples (350 ms) later: that happens only in the fast runs of a few records.
        int shortIntervals = scored.Zip(scored.Skip(1)).Count(pair => pair.Second.Sample - pair.First.Sample <= 126);
        output.WriteLine($"{record}: TP {result.QrsTp} FN {result.QrsFn} FP {result.QrsFp} short RR {shortIntervals}");
        Assert.InRange(result.QrsTp, 0, shortIntervals);
        Assert.Equal(scored.Count - result.QrsTp, result.QrsFn);
        if (shortIntervals == 0)
        {
            Assert.Equal(0, result.QrsTp);
            Assert.Equal(scored.Count, result.QrsFn);
            Assert.Equal(scored.Count, result.QrsFp);
        }
    }

    [Fact]
    public void ShutdownMarksSurviveAnAnnotationFileRoundTrip()
    {
        // A detector declares 10:00-11:00 of record 208 unreadable, the way the CLI writes it.
        const long unreadableFrom = 600 * 360, unreadableTo = 660 * 360;
        var reference = Reference("208");
        var scored = ScoredBeats(reference);
        var test = scored.Where(b => b.Sample is < unreadableFrom or > unreadableTo)
            .Append(Ec57.ShutdownStart(unreadableFrom)).Append(Ec57.ShutdownEnd(unreadableTo))
            .OrderBy(a => a.Sample).ToList();

        using var file = new MemoryStream();
        WfdbAnnotationWriter.Write(file, test);
        file.Position = 0;
        var readBack = WfdbAnnotationReader.Read(file, "208.test");

        var result = Ec57Comparer.Compare("208", reference, readBack, Fs, Ec57Options.Standard);
        int inside = scored.Count(b => b.Sample is >= unreadableFrom and <= unreadableTo);
        Assert.True(inside > 50);
        Assert.Equal(inside, result.ShutdownBeats);
        Assert.Equal(inside, result.QrsFn);
        Assert.Equal(0, result.QrsFp);
        Assert.Equal(60.0, result.TestShutdownSeconds, 9);
    }

    [Fact]
    public void ScoredReferenceBeatTotalsOfTheSharedRecords()
    {
        var records = SharedData.MitdbRecords();
        var fromZero = records.Select(r => Ec57Comparer.Compare(r, Reference(r), Reference(r), Fs, Ec57Options.WholeRecord)).ToList();
        var fromFive = records.Select(r => Ec57Comparer.Compare(r, Reference(r), Reference(r), Fs, Ec57Options.Standard)).ToList();

        var summary = Ec57Summary.From(fromZero, Ec57.PacedMitdbRecords);
        output.WriteLine(Ec57Report.FormatTable(summary));

        Assert.Equal(26, records.Count);
        Assert.Equal(ScoredBeatsFromZero, summary.QrsTotals.ReferenceBeats);
        Assert.Equal(ScoredBeatsFromFiveMinutes, Ec57Summary.From(fromFive).QrsTotals.ReferenceBeats);
        Assert.Equal(100.0, summary.Gross.QrsSensitivity);
        Assert.Equal(100.0, summary.Average.VebPositivePredictivity);
    }
}
