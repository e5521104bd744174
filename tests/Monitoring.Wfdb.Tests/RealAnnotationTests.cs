namespace Monitoring.Wfdb.Tests;

/// <summary>Reading real reference annotations; counts were cross-checked with an independent decoder.</summary>
public class RealAnnotationTests
{
    [Fact]
    public void Mitdb208_BeatCountsPerType()
    {
        var annotations = WfdbAnnotationReader.Read(SharedData.Record("mitdb", "208") + ".atr");
        var beats = annotations.Where(a => AnnotationCode.IsBeat(a.Code)).ToList();

        Assert.Equal(3040, annotations.Count);
        Assert.Equal(2955, beats.Count);
        Assert.Equal(1586, beats.Count(a => a.Code == AnnotationCode.Normal));
        Assert.Equal(992, beats.Count(a => a.Code == AnnotationCode.Pvc));
        Assert.Equal(373, beats.Count(a => a.Code == AnnotationCode.Fusion));
        Assert.Equal(2, beats.Count(a => a.Code == AnnotationCode.Svpb));
        Assert.Equal(2, beats.Count(a => a.Code == AnnotationCode.Unknown));

        // Non-beats: rhythm changes, signal-quality changes and artifacts.
        Assert.Equal(53, annotations.Count(a => a.Code == AnnotationCode.Rhythm));
        Assert.Equal(24, annotations.Count(a => a.Code == AnnotationCode.Noise));
        Assert.Equal(8, annotations.Count(a => a.Code == AnnotationCode.Arfct));
    }

    [Fact]
    public void Mitdb208_FirstAnnotations()
    {
        var annotations = WfdbAnnotationReader.Read(SharedData.Record("mitdb", "208") + ".atr");

        // The rhythm aux string is stored as "(N" plus a NUL; WFDB reads it as the C string "(N".
        Assert.Equal(new WfdbAnnotation(9, AnnotationCode.Rhythm, Aux: "(N"), annotations[0]);
        Assert.Equal(new WfdbAnnotation(46, AnnotationCode.Fusion), annotations[1]);
        Assert.Equal(new WfdbAnnotation(209, AnnotationCode.Pvc, SubType: 1), annotations[2]);
        Assert.All(annotations.Zip(annotations.Skip(1)), pair => Assert.True(pair.First.Sample <= pair.Second.Sample));
        Assert.True(annotations[^1].Sample < 650000);
    }

    [Fact]
    public void Mitdb203_RhythmStrings()
    {
        var rhythms = WfdbAnnotationReader.Read(SharedData.Record("mitdb", "203") + ".atr")
            .Where(a => a.Code == AnnotationCode.Rhythm)
            .Select(a => a.Aux)
            .ToHashSet();

        Assert.Contains("(AFIB", rhythms);
        Assert.Contains("(VT", rhythms);
        Assert.DoesNotContain(rhythms, r => r is null || r.Contains('\0'));
    }

    [Fact]
    public void Vfdb418_SkipIntervalsGiveLargeSampleTimes()
    {
        // vfdb annotations are sparse rhythm changes, many more than 1023 samples apart, so they are stored with SKIP.
        var annotations = WfdbAnnotationReader.Read(SharedData.Record("vfdb", "418") + ".atr");

        Assert.Equal(121, annotations.Count);
        Assert.All(annotations, a => Assert.NotNull(a.Aux));
        Assert.Equal(60, annotations.Count(a => a.Aux == "(VFL"));
        Assert.Equal(401423, annotations[^1].Sample);
        Assert.True(annotations[^1].Sample < 525000);
    }

    [Fact]
    public void Svdb865_StickyChannelAndNumberAndNegativeNumbers()
    {
        var annotations = WfdbAnnotationReader.Read(SharedData.Record("svdb", "865") + ".atr");

        Assert.Contains(annotations, a => a.Channel != 0);
        Assert.Contains(annotations, a => a.Number < 0); // stored as 10-bit values like 934 = -90
        Assert.All(annotations, a => Assert.InRange(a.Number, -128, 127));
    }

    [Fact]
    public void ReadFromStream_EqualsReadFromFile()
    {
        string path = SharedData.Record("mitdb", "207") + ".atr";
        using var stream = File.OpenRead(path);

        Assert.Equal(WfdbAnnotationReader.Read(path), WfdbAnnotationReader.Read(stream, "207.atr"));
    }
}
