// What a lost patient activation costs the analysis, and how much of it resuming wins back. Each shared record (mitdb
// without the paced four, vfdb, cudb) is streamed as a one-lead patch would send it; from 5:00 on, an activation is
// lost every --every seconds. Reference: one uninterrupted analysis. "fresh": a new analysis from the loss point, as
// before resuming existed. "resumed": PatientAnalysis.Resume over the --history seconds before it, all stored (the
// host was lost after storing them). For the --window seconds after each loss point, the onsets each variant reports
// are matched with the reference's onsets there (same condition, within --tolerance-ms) and with the conditions the
// reference had going on at the loss point (same condition, any onset in the window).
// --paced replays the four paced mitdb records instead, as paced patients whose device reports a pacemaker pulse on
// each paced beat of the reference annotations; the variant "resumed, pulses lost" resumes from the same history with
// the pulses left out, as storage kept it before it stored them. --pulse-shift-ms puts the pulses that much after the
// beats (400: a pacemaker firing into the interval, nothing captured).
//
//   dotnet run -c Release --project loadtests/Monitoring.FailoverReplay -- [--paced [--pulse-shift-ms 0]] [--history 120] [--every 60] [--window 30] [--tolerance-ms 2000]
using Monitoring.Contracts.Devices;
using Monitoring.Contracts.Patients;
using Monitoring.Contracts.Waveforms;
using Monitoring.Evaluation;
using Monitoring.Grains.Devices;
using Monitoring.Grains.Patients;
using Monitoring.Grains.Tests;

int Option(string name, int fallback)
{
    int at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1]) : fallback;
}

long historyMs = Option("--history", 120) * 1000L, everyMs = Option("--every", 60) * 1000L, windowMs = Option("--window", 30) * 1000L;
long toleranceMs = Option("--tolerance-ms", 2000);
bool paced = args.Contains("--paced");
const long FirstLossMs = 300_000, Start = Batches.Start;
const double WholeRecordSeconds = 86_400;
string[] lethal = ["Asystole", "VentricularFibrillation", "VentricularTachycardia"];
var settings = new PatientAlarmSettings { Paced = paced };
var tally = new Dictionary<string, Tally> { ["fresh"] = new(), ["resumed"] = new() };
if (paced) tally["resumed, pulses lost"] = new();

var records = paced
    ? SharedData.Records("mitdb").Where(Ec57.PacedMitdbRecords.Contains).Select(r => ("mitdb", r))
    : SharedData.Records("mitdb").Where(r => !Ec57.PacedMitdbRecords.Contains(r)).Select(r => ("mitdb", r))
        .Concat(SharedData.Records("vfdb").Select(r => ("vfdb", r)))
        .Concat(SharedData.Records("cudb").Select(r => ("cudb", r)));
int lossPoints = 0;
foreach (var (database, record) in records)
{
    // The record's first signal as a one-lead patch sends it, in batches of a quarter second.
    List<DeviceBatch> batches = [.. RecordBatches.From(database, record, 0, WholeRecordSeconds, device: "replay", pacePulseShiftMs: paced ? Option("--pulse-shift-ms", 0) : null)];
    List<(int Batch, AnalysisEvent Event)> reference = Analyse(new PatientAnalysis(batches[0], settings), batches, 0, batches.Count);
    for (long lossMs = FirstLossMs; lossMs + windowMs <= batches[^1].FirstSampleTimeUnixMs - Start; lossMs += everyMs)
    {
        lossPoints++;
        int at = BatchAt(batches, lossMs), end = BatchAt(batches, lossMs + windowMs);
        var expected = reference.Where(r => r.Batch >= at && r.Batch < end && r.Event.Onset).Select(r => (r.Event.Condition, At: (long?)r.Event.AtUnixMs)).ToList();
        var goingOn = new Dictionary<string, bool>();
        foreach (var (batch, e) in reference.Where(r => r.Batch < at)) goingOn[e.Condition] = e.Onset;
        expected.AddRange(goingOn.Where(g => g.Value).Select(g => (g.Key, At: (long?)null)));

        var fresh = new PatientAnalysis(batches[at], settings);
        tally["fresh"].Add(expected, Analyse(fresh, batches, at, end).Select(r => r.Event).ToList(), toleranceMs, lethal);

        int historyFrom = BatchAt(batches, Math.Max(0, lossMs - historyMs));
        var history = batches[historyFrom..at].Select(b => SegmentBuffer.Single("replay", b)).ToList<WaveformSegment>();
        tally["resumed"].Add(expected, Resumed(history, batches, at, end), toleranceMs, lethal);
        if (paced) tally["resumed, pulses lost"].Add(expected, Resumed([.. history.Select(s => s with { PacePulses = [] })], batches, at, end), toleranceMs, lethal);
    }
}

Console.WriteLine($"{lossPoints} loss points; history {historyMs / 1000} s, window {windowMs / 1000} s, tolerance {toleranceMs} ms");
Console.WriteLine("| variant | onsets matched | missed | extra | asystole/VF/VT matched | missed | extra |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
foreach (var (variant, t) in tally)
    Console.WriteLine($"| {variant} | {t.Matched} | {t.Missed} | {t.Extra} | {t.LethalMatched} | {t.LethalMissed} | {t.LethalExtra} |");

// What an analysis resumed from the history at batch `at` reports until batch `end`.
List<AnalysisEvent> Resumed(List<WaveformSegment> history, List<DeviceBatch> batches, int at, int end)
{
    var reported = new List<AnalysisEvent>();
    var resumed = PatientAnalysis.Resume(history, batches[at].FirstSampleTimeUnixMs, batches[at], settings, reported);
    // A condition going on is reported at once: dated at the loss point for matching.
    reported = [.. reported.Select(e => e with { AtUnixMs = batches[at].FirstSampleTimeUnixMs })];
    reported.AddRange(Analyse(resumed, batches, at, end).Select(r => r.Event));
    return reported;
}

// The first batch that starts at or after the time into the record.
static int BatchAt(List<DeviceBatch> batches, long ms) => batches.FindIndex(b => b.FirstSampleTimeUnixMs - Start >= ms);

static List<(int Batch, AnalysisEvent Event)> Analyse(PatientAnalysis analysis, List<DeviceBatch> batches, int from, int to)
{
    var found = new List<(int, AnalysisEvent)>();
    var events = new List<AnalysisEvent>();
    for (int i = from; i < to; i++)
    {
        events.Clear();
        analysis.Process(batches[i], events);
        foreach (AnalysisEvent e in events) found.Add((i, e));
    }
    return found;
}

/// <summary>Onsets matched, missed and extra against the reference, in all and for the lethal conditions.</summary>
sealed class Tally
{
    public int Matched, Missed, Extra, LethalMatched, LethalMissed, LethalExtra;

    public void Add(List<(string Condition, long? At)> expected, List<AnalysisEvent> reported, long toleranceMs, string[] lethal)
    {
        var left = reported.Where(e => e.Onset).ToList();
        foreach (var (condition, at) in expected)
        {
            int match = left.FindIndex(e => e.Condition == condition && (at is null || Math.Abs(e.AtUnixMs - at.Value) <= toleranceMs));
            bool isLethal = lethal.Contains(condition);
            if (match >= 0)
            {
                left.RemoveAt(match);
                Matched++;
                if (isLethal) LethalMatched++;
            }
            else
            {
                Missed++;
                if (isLethal) LethalMissed++;
            }
        }
        Extra += left.Count;
        LethalExtra += left.Count(e => lethal.Contains(e.Condition));
    }
}
