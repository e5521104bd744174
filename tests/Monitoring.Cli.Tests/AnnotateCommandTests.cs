using Monitoring.Cli.Commands;
using Monitoring.Detection.Rhythm;
using Monitoring.Evaluation;
using Monitoring.Wfdb;

namespace Monitoring.Cli.Tests;

public sealed class AnnotateCommandTests : IDisposable
{
    /// <summary>The labels annotate writes: N, A (for S), V, F, Q.</summary>
    private static readonly int[] ClassCodes =
        [AnnotationCode.Normal, AnnotationCode.Apc, AnnotationCode.Pvc, AnnotationCode.Fusion, AnnotationCode.Unknown];

    /// <summary>Besides beats: rhythm changes and VF/flutter onsets and ends.</summary>
    private static readonly int[] OtherCodes = [AnnotationCode.Rhythm, AnnotationCode.Vfon, AnnotationCode.Vfoff];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static List<long> DetectedBeats(string record) =>
        RecordAnalysis.Run(WfdbRecordReader.ReadSignals(record)).ClassifiedBeats.Select(b => b.SampleIndex).ToList();

    /// <summary>
    /// The first five minutes of mitdb 207 (two stretches of ventricular flutter) with 0.3 mV of 50 Hz hum added: as
    /// recorded the hum hides the flutter; with <c>--mains 50</c> it is bracketed as on the clean record.
    /// </summary>
    [Fact]
    public void With_the_mains_option_flutter_shows_through_hum()
    {
        WfdbSignals signals = WfdbRecordReader.ReadSignals(SharedData.Record("mitdb", "207"));
        short[] samples = signals.GetSignal(0)[..(300 * 360)];
        string record = Path.Combine(_temp.Path, "hum207");
        File.WriteAllText(record + ".hea", $"hum207 1 360 {samples.Length}\nhum207.dat 16 200\n");
        File.WriteAllBytes(record + ".dat", [.. samples.SelectMany((v, i) =>
            BitConverter.GetBytes((short)Math.Round(v + 0.3 * 200 * Math.Sin(2 * Math.PI * 50 * i / 360.0))))]);

        int FlutterOnsets(double mains)
        {
            string path = Path.Combine(_temp.Path, $"hum207-{mains}.test");
            Assert.Equal(0, CommandOutput.Capture(log => AnnotateCommand.Run([record], path, "test", 0, log, mains)).ExitCode);
            return WfdbAnnotationReader.Read(path).Count(a => a.Code == AnnotationCode.Vfon);
        }

        Assert.Equal(0, FlutterOnsets(0));
        Assert.True(FlutterOnsets(50) >= 2);
    }

    /// <summary>
    /// mitdb 107, a pacemaker patient: with <c>--paced</c> its paced beats are written <c>/</c> (EC57 class Q) and
    /// standard scoring sees no ventricular ectopy in them; without it most are PVCs.
    /// </summary>
    [Fact]
    public void With_the_paced_option_paced_beats_are_written_as_paced()
    {
        string record = SharedData.Record("mitdb", "107");
        int Count(bool paced, int code)
        {
            string path = _temp.File($"107-{paced}.test");
            Assert.Equal(0, CommandOutput.Capture(log => AnnotateCommand.Run([record], path, "test", 0, log, pacedPatient: paced)).ExitCode);
            return WfdbAnnotationReader.Read(path).Count(a => a.Code == code);
        }

        Assert.True(Count(paced: true, AnnotationCode.Pace) >= 1900, "paced beats written /");   // 2,078 in the reference
        Assert.True(Count(paced: true, AnnotationCode.Pvc) <= 80, "PVCs with --paced");          // 59 in the reference
        Assert.True(Count(paced: false, AnnotationCode.Pvc) >= 500, "PVCs without --paced");
        Assert.Equal(0, Count(paced: false, AnnotationCode.Pace));
    }

    [Fact]
    public void One_record_to_a_wfdb_file_reads_back_with_the_detected_beats()
    {
        string record = SharedData.Record("mitdb", "101");
        string path = _temp.File("101.qrs");

        var (exitCode, lines) = CommandOutput.Capture(log => AnnotateCommand.Run([record], path, "test", 0, log));

        Assert.Equal(0, exitCode);
        List<long> expected = DetectedBeats(record);
        Assert.InRange(expected.Count, 1500, 2500); // 101: 1874 reference beats in 30 min
        Assert.Equal($"101: {expected.Count} beats (0 noise complexes left out)", Assert.Single(lines).Split(" -> ")[0]);
        Assert.EndsWith($"-> {path}", lines[0]);

        IReadOnlyList<WfdbAnnotation> annotations = WfdbAnnotationReader.Read(path);
        List<long> beats = annotations.Where(a => AnnotationCode.IsBeat(a.Code)).Select(a => a.Sample).ToList();
        Assert.Equal(expected, beats);
        Assert.All(annotations, a => Assert.Contains(a.Code, ClassCodes.Concat(OtherCodes)));
        Assert.True(annotations.Zip(annotations.Skip(1)).All(p => p.First.Sample <= p.Second.Sample), "annotations in time order");
    }

    [Fact]
    public void One_record_to_a_csv_file_has_a_header_and_one_line_per_annotation()
    {
        string record = SharedData.Record("mitdb", "112");
        string csv = _temp.File("112.csv");
        string wfdb = _temp.File("112.test");

        Assert.Equal(0, CommandOutput.Capture(log => AnnotateCommand.Run([record], csv, "test", 0, log)).ExitCode);
        Assert.Equal(0, CommandOutput.Capture(log => AnnotateCommand.Run([record], wfdb, "test", 0, log)).ExitCode);

        string[] lines = File.ReadAllLines(csv);
        Assert.Equal("sample,label", lines[0]);
        var rows = lines.Skip(1).Select(line => line.Split(',')).ToList();
        Assert.All(rows, row => Assert.Equal(2, row.Length));
        Assert.All(rows, row => Assert.True(row[1] is "N" or "A" or "V" or "F" or "Q" or "[" or "]" || row[1].StartsWith('('), row[1]));

        List<long> csvBeats = rows.Where(row => row[1].Length == 1 && char.IsLetter(row[1][0])).Select(row => long.Parse(row[0])).ToList();
        List<long> expected = DetectedBeats(record);
        Assert.Equal(expected, csvBeats);

        // The CSV and the WFDB file of the same record hold the same annotations.
        IReadOnlyList<WfdbAnnotation> annotations = WfdbAnnotationReader.Read(wfdb);
        Assert.Equal(annotations.Select(a => $"{a.Sample},{(a.Code == AnnotationCode.Rhythm ? a.Aux : AnnotationCode.ToMnemonic(a.Code))}"), lines.Skip(1));
    }

    [Fact]
    public void Several_records_go_to_a_directory_with_the_default_extension()
    {
        string[] names = ["101", "112", "118"];
        string directory = _temp.File("annotations");

        var (exitCode, lines) = CommandOutput.Capture(log =>
            AnnotateCommand.Run(names.Select(n => SharedData.Record("mitdb", n)).ToList(), directory, "test", 0, log));

        Assert.Equal(0, exitCode);
        Assert.Equal(names.Length, lines.Length);
        Assert.Equal(names.Select(n => $"{n}.test"), Directory.GetFiles(directory).Select(Path.GetFileName).Order());
        for (int i = 0; i < names.Length; i++)
        {
            string path = Path.Combine(directory, $"{names[i]}.test");
            int beats = WfdbAnnotationReader.Read(path).Count(a => AnnotationCode.IsBeat(a.Code));
            Assert.StartsWith($"{names[i]}: {beats} beats (", lines[i].Split(" -> ")[0]);
            Assert.EndsWith($"-> {path}", lines[i]);
        }
    }

    [Fact]
    public void Atrial_fibrillation_episodes_are_afib_rhythm_episodes_as_epicmp_reads_them()
    {
        string record = SharedData.Record("mitdb", "201");
        string path = _temp.File("201.test");

        Assert.Equal(0, CommandOutput.Capture(log => AnnotateCommand.Run([record], path, "test", 0, log)).ExitCode);

        var annotations = WfdbAnnotationReader.Read(path);
        var analysis = RecordAnalysis.Run(WfdbRecordReader.ReadSignals(record));
        int declared = analysis.RhythmEvents.Count(e => e.Condition == RhythmCondition.AtrialFibrillation && e.Onset);
        var episodes = RhythmEpisodes.Rhythm(annotations, RhythmEpisodes.AtrialFibrillation, analysis.SampleCount);
        Assert.InRange(declared, 3, 10);    // 201 has three AF episodes
        // An AF episode may be cut by a higher-precedence rhythm (noise, VT) inside it, never merged with another.
        Assert.InRange(episodes.Count, declared, declared + 10);
        Assert.True(annotations.Zip(annotations.Skip(1)).All(p => p.First.Sample <= p.Second.Sample), "annotations in time order");
    }

    [Fact]
    public void Rhythm_changes_use_the_mit_bih_names_and_fibrillation_is_bracketed()
    {
        string path = _temp.File("430.test");

        Assert.Equal(0, CommandOutput.Capture(log => AnnotateCommand.Run([SharedData.Record("vfdb", "430")], path, "test", 0, log)).ExitCode);

        var annotations = WfdbAnnotationReader.Read(path);
        var rhythms = annotations.Where(a => a.Code == AnnotationCode.Rhythm).Select(a => a.Aux).ToList();
        Assert.Contains("(VT", rhythms);
        Assert.All(rhythms, text => Assert.Contains(text, new[] { "(N", "(NOISE", "(ASYS", "(VT", "(IVR", "(AFIB", "(B", "(T", "(SBR" }));
        Assert.True(rhythms.Zip(rhythms.Skip(1)).All(p => p.First != p.Second), "a rhythm annotation marks a change");
        // VFON and VFOFF alternate, starting with VFON; vfdb 430 is mostly ventricular flutter and fibrillation.
        var brackets = annotations.Where(a => a.Code is AnnotationCode.Vfon or AnnotationCode.Vfoff).Select(a => a.Code).ToList();
        Assert.NotEmpty(brackets);
        Assert.All(brackets.Where((_, i) => i % 2 == 0), code => Assert.Equal(AnnotationCode.Vfon, code));
        Assert.All(brackets.Where((_, i) => i % 2 == 1), code => Assert.Equal(AnnotationCode.Vfoff, code));
    }

    [Fact]
    public void Unreadable_signal_is_marked_noise()
    {
        string path = _temp.File("118e00.test");

        Assert.Equal(0, CommandOutput.Capture(log => AnnotateCommand.Run([SharedData.Record("nstdb", "118e00")], path, "test", 0, log)).ExitCode);

        var noise = RhythmEpisodes.Rhythm(WfdbAnnotationReader.Read(path), "(NOISE", 650_000);
        // Electrode-motion noise at 0 dB fills 5:00-7:00, 9:00-11:00 ... 25:00-27:00 (12 min): most of it is marked.
        double minutes = noise.Sum(e => e.Length) / 360.0 / 60;
        Assert.InRange(minutes, 8, 16);
    }

    [Fact]
    public void One_record_to_an_existing_directory_uses_the_given_extension()
    {
        Assert.Equal(0, CommandOutput.Capture(log =>
            AnnotateCommand.Run([SharedData.Record("svdb", "800")], _temp.Path, "qrs", 0, log)).ExitCode);

        string path = _temp.File("800.qrs");
        Assert.True(File.Exists(path));
        Assert.Equal(DetectedBeats(SharedData.Record("svdb", "800")),
            WfdbAnnotationReader.Read(path).Where(a => AnnotationCode.IsBeat(a.Code)).Select(a => a.Sample));
    }
}
