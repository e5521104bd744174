namespace Monitoring.Wfdb.Tests;

/// <summary>Writing annotations and reading them back must give the same list.</summary>
public class AnnotationRoundTripTests
{
    public static TheoryData<string> AllAnnotationFiles() => new(AnnotationFiles());

    /// <summary>The .atr files of all databases, relative to shared/ecg (the nstdb noise records have none).</summary>
    private static IEnumerable<string> AnnotationFiles() =>
        SharedData.AllRecords()
            .Select(r => Path.Combine(r.Database, r.Record + ".atr"))
            .Where(path => File.Exists(Path.Combine(SharedData.Ecg, path)));

    private static IReadOnlyList<WfdbAnnotation> RoundTrip(IEnumerable<WfdbAnnotation> annotations)
    {
        using var stream = new MemoryStream();
        WfdbAnnotationWriter.Write(stream, annotations);
        stream.Position = 0;
        return WfdbAnnotationReader.Read(stream, "roundtrip.atr");
    }

    [Theory]
    [MemberData(nameof(AllAnnotationFiles))]
    public void EveryRealAnnotationFile_RoundTrips(string relativePath)
    {
        var original = WfdbAnnotationReader.Read(Path.Combine(SharedData.Ecg, relativePath));

        Assert.NotEmpty(original);
        Assert.Equal(original, RoundTrip(original));
    }

    [Fact]
    public void RoundTripCoversAuxSkipSubChannelAndNumber()
    {
        // Make sure the files above exercise every pseudo-annotation kind.
        var all = AnnotationFiles()
            .Select(path => WfdbAnnotationReader.Read(Path.Combine(SharedData.Ecg, path)))
            .SelectMany(list => list.Zip(list.Skip(1), (a, b) => (Previous: a, Current: b)))
            .ToList();

        Assert.Contains(all, p => p.Current.Aux is not null);
        Assert.Contains(all, p => p.Current.Sample - p.Previous.Sample > 1023);
        Assert.Contains(all, p => p.Current.SubType != 0);
        Assert.Contains(all, p => p.Current.Channel != p.Previous.Channel);
        Assert.Contains(all, p => p.Current.Number != p.Previous.Number);
    }

    [Fact]
    public void SyntheticAnnotations_RoundTrip()
    {
        WfdbAnnotation[] annotations =
        [
            new(0, AnnotationCode.NotQrs),                         // code 0 at time 0 must not read as end of file
            new(0, AnnotationCode.Note, Aux: "## time resolution: 1000"),
            new(0, AnnotationCode.Normal, SubType: -1),
            new(1023, AnnotationCode.Pvc, Channel: 1),             // largest delta that fits in one word
            new(2047, AnnotationCode.Rhythm, Channel: 1, Aux: "(AFIB"), // odd-length aux is padded
            new(2047, AnnotationCode.Rhythm, Channel: 1, Aux: "(VT"),
            new(2048, AnnotationCode.Noise, SubType: 127, Number: -128),
            new(5_000_000_000 / 100, AnnotationCode.Fusion, Number: 127), // SKIP
            new(50_000_001, AnnotationCode.NotQrs, Channel: 255, Number: 127),
            new(50_000_001, AnnotationCode.Pace, Channel: 255, Number: 127, Aux: ""),
            new(2_000_000_000, AnnotationCode.Unknown, Aux: "ünïcode"),
        ];

        Assert.Equal(annotations, RoundTrip(annotations));
    }

    [Fact]
    public void WriteToFile_ThenReadFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"wfdb-{Guid.NewGuid():N}.atr");
        try
        {
            WfdbAnnotation[] annotations = [new(10, AnnotationCode.Normal), new(5000, AnnotationCode.Pvc, Aux: "x")];

            WfdbAnnotationWriter.Write(path, annotations);

            Assert.Equal(annotations, WfdbAnnotationReader.Read(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void EmptyList_WritesOnlyTheEndWord()
    {
        using var stream = new MemoryStream();

        WfdbAnnotationWriter.Write(stream, []);

        Assert.Equal(new byte[] { 0, 0 }, stream.ToArray());
        stream.Position = 0;
        Assert.Empty(WfdbAnnotationReader.Read(stream, "empty.atr"));
    }
}
